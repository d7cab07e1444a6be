package io.github.asflink.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Runs inside a JVM started with Lambda's flags (see {@link WarmBench}): loads a function from its {@code sam build}
 * folder, warms it up, then measures microseconds per invocation. Prints one {@code RESULT} line per figure on stdout.
 *
 * <p>The project's own overhead is wanted, not the network's. Where the function's Salesforce transport can be
 * replaced (the token function's package-private constructor), Salesforce answers from memory. Against the loopback
 * stand-in, the upstream requests one invocation makes are recorded, replayed with a bare {@code HttpClient} in the
 * same rounds, and subtracted.
 */
public final class WarmRunner {
    static final String TOKEN = "token";
    static final String SKILL = "skill";
    static final String RESULT = "RESULT";

    static final String QUICK = "--quick";

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
            Functions functions = new Functions(taskRoot, TemplateFacts.of(""), standIn.baseUrl());
            if (scenario.equals(TOKEN)) {
                token(loader, functions, standIn, timing);
            } else if (scenario.equals(SKILL)) {
                skill(loader, functions, standIn, timing);
            } else {
                throw new IllegalArgumentException("unknown scenario " + scenario);
            }
        }
    }

    private static void token(ClassLoader loader, Functions functions, SalesforceStandIn standIn, Timing timing)
            throws Exception {
        byte[] event = Events.tokenAuthorizationCode();
        Predicate<String> ok = functions.token().accepts();
        String what = "token: authorization_code exchange";
        Optional<RequestStreamHandler> inMemory = tokenWithInMemorySalesforce(loader, functions.tokenEnv(),
                SalesforceStandIn.tokenJson(standIn.baseUrl(), System.currentTimeMillis()));
        if (inMemory.isPresent()) {
            Invocation call = new Invocation(inMemory.get(), event, ok);
            call.check();
            report(what + ", Salesforce answered in memory", measure(call::run, () -> { }, timing),
                    "handler in-process, the real TokenHandler with an in-memory SalesforceTransport (no network)");
        }
        RequestStreamHandler handler = construct(loader, "io.github.asflink.token.TokenHandler", functions.tokenEnv());
        loopback(what, new Invocation(handler, event, ok), standIn, HttpClient.newBuilder().build(), timing);
    }

    private static void skill(ClassLoader loader, Functions functions, SalesforceStandIn standIn, Timing timing)
            throws Exception {
        byte[] event = Events.skillIntent(Events.linkedToken(standIn.baseUrl()), "PipelineIntent");
        Predicate<String> ok = body -> body.contains("outputSpeech") && !body.contains("LinkAccount");
        String what = "skill: PipelineIntent, linked (userinfo + SOQL queries)";
        Optional<RequestStreamHandler> inMemory = skillWithInMemorySalesforce(loader, functions.skillEnv(),
                standIn.baseUrl());
        if (inMemory.isPresent()) {
            Invocation call = new Invocation(inMemory.get(), event, ok);
            call.check();
            report(what + ", Salesforce answered in memory", measure(call::run, () -> { }, timing),
                    "the skill as SalesforceSkill.create builds it, with an in-memory SalesforceTransport "
                            + "(no network), run as SkillStreamHandler runs it (envelope bytes in, response out)");
        }
        RequestStreamHandler handler = construct(loader, "io.github.asflink.skill.SkillHandler", functions.skillEnv());
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
     * The skill function's real skill ({@code SalesforceSkill.create(SkillConfig, SalesforceTransport, Clock)}, package
     * private) with Salesforce answered from memory by path, driven the way {@code SkillStreamHandler.handleRequest}
     * drives it. Empty when that shape has changed.
     */
    static Optional<RequestStreamHandler> skillWithInMemorySalesforce(ClassLoader loader, Map<String, String> env,
                                                                       String base) {
        String pkg = "io.github.asflink.skill.";
        try {
            Class<?> configType = Class.forName(pkg + "SkillConfig", true, loader);
            Method from = configType.getDeclaredMethod("fromEnvironment", Map.class);
            from.setAccessible(true);
            Object config = from.invoke(null, env);
            Class<?> transportType = Class.forName(pkg + "SalesforceTransport", true, loader);
            Constructor<?> replyType = Class.forName(pkg + "SalesforceTransport$Reply", true, loader)
                    .getDeclaredConstructor(int.class, String.class);
            replyType.setAccessible(true);
            // Answers worked out once per distinct request, so the measured figure is the skill's, not the stand-in's.
            Map<String, Object> replies = new java.util.concurrent.ConcurrentHashMap<>();
            Object transport = Proxy.newProxyInstance(loader, new Class<?>[] {transportType}, (proxy, m, a) -> {
                switch (m.getName()) {
                    case "send" -> {
                        HttpRequest request = (HttpRequest) a[0];
                        URI uri = request.uri();
                        String authorization = request.headers().firstValue("Authorization").orElse(null);
                        Object reply = replies.computeIfAbsent(request.method() + " " + uri + " " + authorization,
                                key -> {
                                    SalesforceStandIn.Answer answer = SalesforceStandIn.answer(request.method(),
                                            uri.getPath(), uri.getRawQuery(), authorization, base);
                                    try {
                                        return replyType.newInstance(answer.status(), answer.body());
                                    } catch (ReflectiveOperationException e) {
                                        throw new IllegalStateException(e);
                                    }
                                });
                        return java.util.concurrent.CompletableFuture.completedFuture(reply);
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    case "equals" -> {
                        return proxy == a[0];
                    }
                    default -> {
                        return "in-memory Salesforce";
                    }
                }
            });
            Method create = Class.forName(pkg + "SalesforceSkill", true, loader)
                    .getDeclaredMethod("create", configType, transportType, java.time.Clock.class);
            create.setAccessible(true);
            Object skill = create.invoke(null, config, transport, java.time.Clock.systemUTC());
            Class<?> requestType = Class.forName("com.amazon.ask.request.SkillRequest", true, loader);
            Constructor<?> baseRequest = Class.forName("com.amazon.ask.request.impl.BaseSkillRequest", true, loader)
                    .getConstructor(byte[].class);
            Method execute = Class.forName("com.amazon.ask.AlexaSkill", true, loader)
                    .getMethod("execute", requestType, Object.class);
            Method writeTo = Class.forName("com.amazon.ask.response.SkillResponse", true, loader)
                    .getMethod("writeTo", java.io.OutputStream.class);
            return Optional.of((input, output, context) -> {
                try {
                    Object response = execute.invoke(skill, baseRequest.newInstance((Object) input.readAllBytes()),
                            context);
                    writeTo.invoke(response, output);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("warm: no in-memory transport for the skill function (" + e.getClass().getSimpleName()
                    + "); only the loopback figure is measured");
            return Optional.empty();
        }
    }

    /**
     * The token function's real handler with its transport answered from memory, through its package-private
     * {@code TokenHandler(TokenConfig, SalesforceTransport)}. Empty when that shape has changed.
     */
    static Optional<RequestStreamHandler> tokenWithInMemorySalesforce(ClassLoader loader, Map<String, String> env,
                                                                       String answer) {
        String pkg = "io.github.asflink.token.";
        try {
            Class<?> configType = Class.forName(pkg + "TokenConfig", true, loader);
            Method from = configType.getDeclaredMethod("fromEnvironment", Map.class);
            from.setAccessible(true);
            Object config = from.invoke(null, env);
            Class<?> transportType = Class.forName(pkg + "SalesforceTransport", true, loader);
            Constructor<?> replyType = Class.forName(pkg + "SalesforceTransport$Reply", true, loader)
                    .getDeclaredConstructor(int.class, String.class, String.class);
            replyType.setAccessible(true);
            Object reply = replyType.newInstance(200, "application/json;charset=UTF-8", answer);
            Object transport = Proxy.newProxyInstance(loader, new Class<?>[] {transportType}, (proxy, m, a) ->
                    switch (m.getName()) {
                        case "postForm" -> reply;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == a[0];
                        default -> "in-memory Salesforce";
                    });
            Constructor<?> handler = Class.forName(pkg + "TokenHandler", true, loader)
                    .getDeclaredConstructor(configType, transportType);
            handler.setAccessible(true);
            return Optional.of((RequestStreamHandler) handler.newInstance(config, transport));
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("warm: no in-memory transport for the token function (" + e.getClass().getSimpleName()
                    + "); only the loopback figure is measured");
            return Optional.empty();
        }
    }
}
