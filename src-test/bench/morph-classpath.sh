# Sourced by the morph-*.sh benchmarks: compiles io.flowpack.bench.morph against flow-steps' build folder
# ($ROOT/flow-steps/$BUILD/classes and test-classes) plus jcodec from the local Maven repository; sets CP and JAVA.
# Needs ROOT and BUILD.
[ -d "$ROOT/flow-steps/$BUILD/test-classes" ] || {
    echo "build first: mvn -o -q -Dbuild.dirname=$BUILD -pl flow-steps install" >&2; exit 1; }
MBENCH_CLASSES="$ROOT/src-test/$BUILD/mbench-classes"
mkdir -p "$MBENCH_CLASSES"
(cd "$ROOT" && mvn -B -q -o -Dstyle.color=never -Dbuild.dirname="$BUILD" -pl flow-steps \
    dependency:build-classpath -Dmdep.outputFile="$MBENCH_CLASSES/deps.classpath" >/dev/null 2>&1)
M2=${M2_REPO:-$HOME/.m2/repository}
JCODEC="$M2/org/jcodec/jcodec/0.2.5/jcodec-0.2.5.jar:$M2/org/jcodec/jcodec-javase/0.2.5/jcodec-javase-0.2.5.jar"
[ -f "$M2/org/jcodec/jcodec/0.2.5/jcodec-0.2.5.jar" ] || (cd "$ROOT" && mvn -B -q -Dbuild.dirname="$BUILD" \
    -pl src-test dependency:resolve >/dev/null 2>&1)
CP="$ROOT/flow-steps/$BUILD/classes:$ROOT/flow-steps/$BUILD/test-classes:$(cat "$MBENCH_CLASSES/deps.classpath"):$JCODEC"
javac -d "$MBENCH_CLASSES" -cp "$CP" "$ROOT"/src-test/src/main/java/io/flowpack/bench/morph/*.java
CP="$MBENCH_CLASSES:$CP"
JAVA=(java -Djava.awt.headless=true -cp "$CP")
