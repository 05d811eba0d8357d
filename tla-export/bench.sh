#!/bin/sh
# Prints TLC times for batches of random toy executions (see TlcBatchBenchmark). Usage: bench.sh [sizes...]
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o -pl tla-export -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
cd tla-export
exec java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" racetrace.tla.TlcBatchBenchmark "$@"
