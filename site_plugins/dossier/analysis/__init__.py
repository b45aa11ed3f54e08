"""Analysis: what the validated records say together (conflicts between claims, independent
corroboration), computed once from the records' index."""
