"""Demo data and a quarter driven through the SOP, as real users would through the desk's APIs."""
