"""What managers read: the rows behind the reports and the workspace's cards and charts."""
