"""The numbers: capaian and predikat, quarters, office time, Indonesian dates and numbers, a cycle's units."""
