package io.github.asflink.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs inside a JVM started with Lambda's flags (see {@link WarmBench}): loads a function from its {@code sam build}
 * folder, warms it up, then measures microseconds per invocation. Prints one {@code RESULT} line per figure on stdout.
 *
 * <p>The project's own overhead is wanted, not the network's. Each function's public {@code OfflineHandler.create}
 * runs its real handler with Salesforce answered from memory; when one is missing the run fails (exit code 3) rather
 * than report fewer figures. Against the loopback stand-in, the upstream requests one invocation makes are recorded,
 * replayed with a bare {@code HttpClient} in the same rounds, and subtracted.
 */
public final class WarmRunner {
    static final String TOKEN = "token";
    static final String SKILL = "skill";
    static final String RESULT = "RESULT";

    static final String QUICK = "--quick";

    static final String TOKEN_OFFLINE = "io.github.asflink.token.OfflineHandler";
    static final String SKILL_OFFLINE = "io.github.asflink.skill.OfflineHandler";
    static final String OFFLINE_FACTORY = "create";

    /** How long to warm up, then how many measured rounds of how long. */
    private record Timing(Duration warmUp, Duration round, int rounds) {
        static final Timing FULL = new Timing(Duration.ofSeconds(3), Duration.ofMillis(300), 10);
        /** A smoke test: enough to see it works, not to trust the figure. */
        static final Timing SMOKE = new Timing(Duration.ofMillis(500), Duration.ofMillis(100), 3);
    }

    private WarmRunner() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        Path taskRoot = Path.of(args[1]);
        Timing timing = args.length > 2 && args[2].equals(QUICK) ? Timing.SMOKE : Timing.FULL;
        try (SalesforceStandIn standIn = SalesforceStandIn.start(Duration.ZERO);
             URLClassLoader loader = functionLoader(taskRoot)) {
            if (scenario.equals(TOKEN)) {
                token(loader, StandInEnvironments.token(standIn.baseUrl()), standIn, timing);
            } else if (scenario.equals(SKILL)) {
                skill(loader, StandInEnvironments.skill(standIn.baseUrl()), standIn, timing);
            } else {
                throw new IllegalArgumentException("unknown scenario " + scenario);
            }
        } catch (MissingEntryPoint e) {
            System.err.println(e.getMessage());
            System.exit(3);
        }
    }

    private static void token(ClassLoader loader, Map<String, String> env, SalesforceStandIn standIn, Timing timing)
            throws Exception {
        byte[] event = Events.tokenAuthorizationCode();
        Predicate<String> ok = Events.TOKEN_GRANTED;
        String what = "token: authorization_code exchange";
        Map.Entry<Integer, String> grant = Map.entry(200,
                SalesforceStandIn.tokenJson(standIn.baseUrl(), System.currentTimeMillis()));
        RequestStreamHandler inMemory = offline(loader, TOKEN_OFFLINE, env, request -> grant);
        Invocation call = new Invocation(inMemory, event, ok);
        call.check();
        report(what + ", Salesforce answered in memory", measure(call::run, () -> { }, timing),
                "handler in-process, the real TokenHandler through OfflineHandler.create (Salesforce's answer "
                        + "from memory, no network)");
        RequestStreamHandler handler = construct(loader, "io.github.asflink.token.TokenHandler", env);
        loopback(what, new Invocation(handler, event, ok), standIn, HttpClient.newBuilder().build(), timing);
    }

    private static void skill(ClassLoader loader, Map<String, String> env, SalesforceStandIn standIn, Timing timing)
            throws Exception {
        byte[] event = Events.skillIntent(Events.linkedToken(standIn.baseUrl()), "PipelineIntent");
        Predicate<String> ok = body -> body.contains("outputSpeech") && !body.contains("LinkAccount");
        String what = "skill: PipelineIntent, linked (userinfo + SOQL queries)";
        RequestStreamHandler inMemory = offline(loader, SKILL_OFFLINE, env, skillAnswers(standIn.baseUrl()));
        Invocation call = new Invocation(inMemory, event, ok);
        call.check();
        report(what + ", Salesforce answered in memory", measure(call::run, () -> { }, timing),
                "the real skill handler through OfflineHandler.create (Salesforce's answers from memory, no "
                        + "network), envelope bytes in, response out");
        RequestStreamHandler handler = construct(loader, "io.github.asflink.skill.SkillHandler", env);
        loopback(what, new Invocation(handler, event, ok), standIn,
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), timing);
    }

    /** Handler against the loopback stand-in, minus a replay of the same upstream requests, paired per round. */
    private static void loopback(String what, Invocation call, SalesforceStandIn standIn, HttpClient client,
                                 Timing timing) throws Exception {
        call.check(); // a first call learns what the function remembers per org (the skill: the org's currency)
        standIn.record(true);
        call.check();
        List<SalesforceStandIn.Recorded> upstream = standIn.record(false);
        Runnable replay = () -> replay(client, standIn.baseUrl(), upstream);
        replay.run();
        Stats[] figures = measure(call::run, replay, true, timing);
        report(what + ", loopback stand-in minus replayed round trips", figures[0],
                "handler in-process against the loopback stand-in (upstream requests per invocation: "
                        + upstream.size() + "), minus a bare HttpClient replay of those requests, sent at once as "
                        + "the function sends them (one round trip), in the same rounds");
        report(what + ", the replayed upstream round trips alone", figures[1],
                "subtracted above; loopback HTTP, not the project's cost");
    }

    /** Warm-up, then the measured rounds; each round times {@code op}, then {@code baseline}. */
    private static Stats measure(Runnable op, Runnable baseline, Timing timing) {
        return measure(op, baseline, false, timing)[0];
    }

    private static Stats[] measure(Runnable op, Runnable baseline, boolean subtract, Timing timing) {
        long warmEnd = System.nanoTime() + timing.warmUp().toNanos();
        while (System.nanoTime() < warmEnd) {
            op.run();
            baseline.run();
        }
        List<Double> differences = new ArrayList<>();
        List<Double> baselines = new ArrayList<>();
        for (int i = 0; i < timing.rounds(); i++) {
            double opMicros = microsPerRun(op, timing.round());
            double baselineMicros = subtract ? microsPerRun(baseline, timing.round()) : 0;
            differences.add(opMicros - baselineMicros);
            baselines.add(baselineMicros);
        }
        return new Stats[] {Stats.of(differences), Stats.of(baselines)};
    }

    private static double microsPerRun(Runnable op, Duration round) {
        long start = System.nanoTime();
        long elapsed;
        int n = 0;
        do {
            op.run();
            n++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < round.toNanos());
        return elapsed / 1000.0 / n;
    }

    private static void report(String what, Stats stats, String how) {
        System.out.println(String.join("\t", RESULT, what, format(stats.median()), format(stats.min()),
                format(stats.max()), how));
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** One invocation of a stream handler, as the runtime client makes it. */
    private record Invocation(RequestStreamHandler handler, byte[] event, Predicate<String> accepts) {
        private static final Context CONTEXT = new BenchContext();

        String invoke() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
            try {
                handler.handleRequest(new ByteArrayInputStream(event), out, CONTEXT);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        void run() {
            invoke();
        }

        void check() {
            String body = invoke();
            if (!accepts.test(body)) {
                throw new IllegalStateException("unexpected answer: "
                        + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
            }
        }
    }

    /** The recorded requests, all at once: both functions make their calls of one request in a single round trip. */
    private static void replay(HttpClient client, String base, List<SalesforceStandIn.Recorded> requests) {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (SalesforceStandIn.Recorded r : requests) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.pathAndQuery()))
                        .timeout(Duration.ofSeconds(3))
                        .header("Accept", "application/json");
                if (r.contentType() != null) {
                    b.header("Content-Type", r.contentType());
                }
                if (r.authorization() != null) {
                    b.header("Authorization", r.authorization());
                }
                b.method(r.method(), r.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(r.body()));
                answers.add(client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                answer.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Classes first, then {@code lib/*.jar} in name order: what the runtime client's class loader does. */
    static URLClassLoader functionLoader(Path taskRoot) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(taskRoot.toUri().toURL());
        Path lib = taskRoot.resolve("lib");
        if (Files.isDirectory(lib)) {
            File[] jars = lib.toFile().listFiles((dir, name) -> name.endsWith(".jar"));
            Arrays.sort(jars);
            for (File jar : jars) {
                urls.add(jar.toURI().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), WarmRunner.class.getClassLoader());
    }

    private static RequestStreamHandler construct(ClassLoader loader, String className, Map<String, String> env)
            throws ReflectiveOperationException {
        return (RequestStreamHandler) Class.forName(className, true, loader).getConstructor(Map.class)
                .newInstance(env);
    }

    /**
     * A function's real handler with its Salesforce exchanges answered in memory, through the function's public entry
     * point {@code public static RequestStreamHandler create(Map<String, String> environment,
     * Function<HttpRequest, Map.Entry<Integer, String>> salesforce)}. Public members only: a renamed class inside the
     * function cannot silently change what is measured.
     *
     * @throws MissingEntryPoint when the class or the method is not there, or has another shape
     */
    static RequestStreamHandler offline(ClassLoader loader, String className, Map<String, String> env,
                                        Function<HttpRequest, Map.Entry<Integer, String>> salesforce) {
        Method create;
        try {
            create = Class.forName(className, true, loader).getMethod(OFFLINE_FACTORY, Map.class, Function.class);
        } catch (ClassNotFoundException e) {
            throw new MissingEntryPoint(className + " is not in the function's build");
        } catch (NoSuchMethodException e) {
            throw new MissingEntryPoint(className + " has no public " + OFFLINE_FACTORY + "(Map, Function)");
        }
        if (!Modifier.isStatic(create.getModifiers())
                || !RequestStreamHandler.class.isAssignableFrom(create.getReturnType())) {
            throw new MissingEntryPoint(className + "." + OFFLINE_FACTORY
                    + " must be static and return a RequestStreamHandler");
        }
        try {
            return (RequestStreamHandler) create.invoke(null, env, salesforce);
        } catch (InvocationTargetException e) {
            throw new MissingEntryPoint(className + "." + OFFLINE_FACTORY + " failed: "
                    + e.getCause().getClass().getName());
        } catch (IllegalAccessException e) {
            throw new MissingEntryPoint(className + " is not public");
        }
    }

    /** The in-memory figure cannot be measured: the run stops instead of reporting less. */
    static final class MissingEntryPoint extends IllegalStateException {
        MissingEntryPoint(String problem) {
            super("warm: " + problem + "; the warm benchmark needs the functions' offline entry points "
                    + "(token and skill OfflineHandler.create) and measures nothing less");
        }
    }

    /** Salesforce for the skill: the stand-in's answers, each worked out once (the skill's cost is wanted). */
    static Function<HttpRequest, Map.Entry<Integer, String>> skillAnswers(String base) {
        Map<String, Map.Entry<Integer, String>> replies = new ConcurrentHashMap<>();
        return request -> {
            URI uri = request.uri();
            String authorization = request.headers().firstValue("Authorization").orElse(null);
            return replies.computeIfAbsent(request.method() + " " + uri + " " + authorization, key -> {
                SalesforceStandIn.Answer answer = SalesforceStandIn.answer(request.method(), uri.getPath(),
                        uri.getRawQuery(), authorization, base);
                return Map.entry(answer.status(), answer.body());
            });
        };
    }
}
