#!/usr/bin/env bash
# alexa-salesforce-link developer commands. Finds a JDK 21 or newer on its own (JAVA_HOME, PATH, the usual install
# folders), so the same commands work on a laptop and in CI.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

java_major() { # prints the major version of the JDK at $1, or nothing
  local v
  v="$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')" || return 0
  echo "${v%%.*}"
}

find_jdk() {
  local best="" best_v=0 c v
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in /usr/lib/jvm/* /usr/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [[ -x "$c/bin/javac" && -x "$c/bin/java" ]] || continue
    v="$(java_major "$c")"
    [[ -n "$v" && "$v" -ge 21 ]] || continue
    # JAVA_HOME wins when it is good enough; otherwise take the newest.
    if [[ -n "${JAVA_HOME:-}" && "$c" == "$JAVA_HOME" ]]; then best="$c"; break; fi
    if (( v > best_v )); then best="$c"; best_v="$v"; fi
  done
  [[ -n "$best" ]] || { echo "asl: no JDK 21 or newer found; install one (e.g. Temurin 21) or set JAVA_HOME" >&2; exit 1; }
  echo "$best"
}

export JAVA_HOME="$(find_jdk)"
export PATH="$JAVA_HOME/bin:$PATH"

# Maven 3.8's bundled Guava trips JDK 24+'s sun.misc.Unsafe warning; it is Maven's noise, not ours.
if [[ "$(java_major "$JAVA_HOME")" -ge 24 ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
mvn_() { mvn -B -ntp -Dstyle.color=never "$@"; }

usage() {
  cat <<'USAGE'
usage: ./asl <command> [args]

  demo                 the whole account-linking flow on this machine, against an embedded demo org
  serve [args]         the local runner's HTTP server (./asl serve --help)
  invoke [args]        run one event through a function (./asl invoke --help)
  account-linking [args]  the skill's account-linking settings as JSON for the ASK CLI (--help)
  test                 build and run every test (what CI runs); the fuzz tests replay their committed inputs
  style                the style check alone (config/checkstyle.xml, main and test sources; ./asl test runs it too)
  fuzz [--seconds N] [--target CLASS]
                       coverage-guided fuzzing, N seconds (default 60) per fuzz target, each in its own JVM;
                       a finding fails the run and is written next to the target's inputs as crash-<sha1>
  mutation [args]      mutation testing (PIT) of the modules that ship: linked-token, token-function, skill-function;
                       fails when a module's score falls under its threshold; reports in <module>/target/pit-reports
  build                sam build (installs the shared modules into the local Maven repository first)
  deploy [args]        sam deploy (e.g. ./asl deploy --guided), with the same pinned SAM CLI
  delete [args]        sam delete: removes the stack (docs/deploy.md says what it leaves behind)
  validate             sam validate --lint, then checks SAM's transform with the parameters a user deploys:
                       required parameters, skill-id lock, alias wiring, SnapStart, time budgets, access log,
                       metric filters, alarms, alarm e-mail, dashboard
  bench [args]         the cold-start and warm benchmark (./asl bench --help)
  java                 print the JDK this script uses
USAGE
}

sam_() { "$ROOT/.ci/sam" "$@"; }

FUZZ_MODULES="linked-token,token-function,skill-function"

fuzz() { # every *FuzzTest class, one JVM each: Jazzer fuzzes only the first fuzz test a JVM meets
  local seconds=60 target='*FuzzTest' log status
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
      --target)  target="${2:?--target needs a test class name}"; shift 2 ;;
      *) echo "asl: fuzz: unknown argument '$1' (use --seconds N, --target CLASS)" >&2; exit 2 ;;
    esac
  done
  [[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "asl: fuzz: --seconds must be a whole number above 0" >&2; exit 2; }
  log="$(mktemp)"
  rm -f "$ROOT"/*/target/surefire-reports/TEST-*FuzzTest.xml # only this run's findings count
  # jazzer.hooks: the replay in ./asl test turns Jazzer's instrumentation off (junit-platform.properties); fuzzing
  # needs it. The generated corpus grows in each module's .cifuzz-corpus/ (not committed) from run to run.
  set +e
  # A finding must not stop the modules after it from being fuzzed: failures are counted from the reports below.
  JAZZER_FUZZ=1 mvn_ test -pl "$FUZZ_MODULES" -am -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    -DreuseForks=false -Dmaven.test.failure.ignore=true -Djazzer.hooks=true -Djazzer.max_duration="${seconds}s" \
    2>&1 | tee "$log" \
    | grep --line-buffered -E '^\[(INFO|ERROR|WARNING)\] (Running|Tests run|BUILD|Failed|ERROR)|^Done [0-9]+ runs|Test unit written|FuzzTestFindingException'
  status="${PIPESTATUS[0]}"
  set -e
  echo "asl: fuzz: $(grep -cE '^Done [0-9]+ runs' "$log") targets fuzzed, ${seconds}s each; full log: $log"
  git -C "$ROOT" status --porcelain --untracked-files=all -- '*Inputs/*' | sed 's/^/asl: fuzz: new input: /'
  if grep -lE '<(failure|error)[ >]' "$ROOT"/*/target/surefire-reports/TEST-*FuzzTest.xml >/dev/null 2>&1; then
    echo "asl: fuzz: FINDINGS in: $(grep -lE '<(failure|error)[ >]' "$ROOT"/*/target/surefire-reports/TEST-*FuzzTest.xml \
      | xargs -n1 basename | sed 's/^TEST-//; s/\.xml$//' | tr '\n' ' ')" >&2
    exit 1
  fi
  exit "$status"
}

quiet_build() { # a Maven build that prints nothing unless it fails (Maven 3.8 -q still emits colour resets)
  local log; log="$(mktemp)"
  # Running the code is not the place to enforce its style: ./asl test and ./asl style do that.
  if ! mvn_ -q -Dcheckstyle.skip "$@" > "$log" 2>&1; then cat "$log" >&2; rm -f "$log"; exit 1; fi
  rm -f "$log"
}

run_local() { # demo | serve | invoke: build the runner and the functions it runs, then run them in-process
  quiet_build -pl local-runner -am package -DskipTests
  exec java -cp "$ROOT/local-runner/target/classes:$(cat "$ROOT/local-runner/target/classpath.txt")" \
    io.github.asflink.local.LocalRunner "$@"
}

cmd="${1:-help}"; shift || true
case "$cmd" in
  demo|serve|invoke|account-linking) run_local "$cmd" "$@" ;;
  test)     mvn_ verify "$@" ;;
  style)    mvn_ -q validate "$@" ;;
  fuzz)     fuzz "$@" ;;
  mutation) mvn_ -pl linked-token,token-function,skill-function -am test-compile \
              org.pitest:pitest-maven:mutationCoverage "$@" ;;
  build)    mvn_ -q install -DskipTests -Dcheckstyle.skip
            # sam build copies each function folder and runs `mvn clean install` there (tests included); the parent
            # and the shared module now resolve from the local Maven repository.
            sam_ build "$@" ;;
  deploy)   sam_ deploy "$@" ;;
  delete)   sam_ delete "$@" ;;
  validate) sam_ validate --lint "$@"
            AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}" "$ROOT/.ci/sam" --python "$ROOT/.ci/check_template.py" \
              "$ROOT/template.yaml" --self-test ;;
  bench)    quiet_build -pl benchmark -am package -DskipTests
            exec "$JAVA_HOME/bin/java" -cp "$ROOT/benchmark/target/classes:$(cat "$ROOT/benchmark/target/classpath.txt")" \
              io.github.asflink.bench.Benchmark "$@" ;;
  java)     echo "$JAVA_HOME" ;;
  help|-h|--help) usage ;;
  *) echo "asl: unknown command '$cmd'" >&2; usage >&2; exit 2 ;;
esac
