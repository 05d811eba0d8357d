# jqwik keeps its failure database out of the source tree.
jqwik.database = target/.jqwik-database
jqwik.reporting.onlyfailures = true
