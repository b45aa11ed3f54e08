"""Reading: ``claims.yaml`` text in, plain data with the line and column of every value out
(strict YAML 1.2, limits against hostile files, syntax errors in editors' words)."""
