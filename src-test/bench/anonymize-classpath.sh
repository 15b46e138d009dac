# Sourced by the anonymize-*.sh benchmarks: compiles io.flowpack.bench.anonymize against the modules' build
# folders ($ROOT/*/$BUILD/classes) and sets CP and JAVA. Needs ROOT and BUILD.
[ -d "$ROOT/anonymizer/$BUILD/classes" ] || {
    echo "build first: mvn -o -q -Dbuild.dirname=$BUILD install -DskipTests" >&2; exit 1; }
ABENCH_CLASSES="$ROOT/src-test/$BUILD/abench-classes"
mkdir -p "$ABENCH_CLASSES"
(cd "$ROOT" && mvn -B -q -o -Dstyle.color=never -Dbuild.dirname="$BUILD" -pl anonymizer \
    dependency:build-classpath -Dmdep.outputFile="$ABENCH_CLASSES/deps.classpath" >/dev/null 2>&1)
CP="$ROOT/anonymizer/$BUILD/classes:$ROOT/flow-steps/$BUILD/classes:$(cat "$ABENCH_CLASSES/deps.classpath")"
javac -d "$ABENCH_CLASSES" -cp "$CP" "$ROOT"/src-test/src/main/java/io/flowpack/bench/anonymize/*.java
CP="$ABENCH_CLASSES:$CP"
JAVA=(java -Djava.awt.headless=true -cp "$CP")
