package io.github.asflink.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.asflink.local.demoorg.ConnectedApp;
import io.github.asflink.local.demoorg.DemoOrg;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The local runner: both functions on this machine, no Docker, no AWS. {@code serve} puts them behind HTTP,
 * {@code invoke} runs one event like {@code sam local invoke}, {@code demo} walks the whole account-linking flow
 * against an embedded demo org.
 *
 * <p>Exit codes: 0 success; 1 the function threw, timed out or wrote no JSON ({@code invoke}), or a demo step
 * failed; 2 bad command line, template or env-vars file; 3 the function returned an HTTP {@code statusCode} of 500
 * or more ({@code invoke}).
 */
public final class LocalRunner {
    static final int OK = 0;
    static final int FUNCTION_FAILED = 1;
    static final int USAGE = 2;
    static final int FUNCTION_5XX = 3;

    static final String USAGE_TEXT = """
            usage: LocalRunner <command> [options]      (./asl <command> [options])

              serve    the functions behind HTTP on 127.0.0.1 (POST /token, POST /skill)
              invoke   run one event through one function, like sam local invoke
              demo     the whole account-linking flow against an embedded demo Salesforce org
              account-linking   the skill's account-linking settings as JSON for the ASK CLI

            Run a command with --help for its options.
            """;

    static final String SERVE_HELP = """
            usage: serve [--port 3000] [--template template.yaml] [--env-vars FILE.json] [--demo-org]

            Serves on http://127.0.0.1:PORT:
              POST /token   the token function, the request turned into an API Gateway HTTP API (payload 2.0) event
              POST /skill   the skill function, with the raw Alexa request envelope
              GET  /        the account-linking simulator page: link as Alexa does, talk to the skill, break
                            things (a real org needs SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET, your
                            app's consumer key and secret, and http://localhost:PORT/callback among its callback URLs)
              GET  /metrics this session's figures as the stack's metric filters would publish them (also printed
                            when serve stops)

            Configuration: the environment variables template.yaml declares, with its defaults, overridden by the
            process environment and then by --env-vars (sam local's format: {"TokenFunction": {"VAR": "v"},
            "Parameters": {"VAR": "v"}}). A real org: SALESFORCE_LOGIN_URL=https://login.salesforce.com
            ALLOWED_CLIENT_IDS=<consumer key> ./asl serve (SALESFORCE_CLIENT_ID also sets ALLOWED_CLIENT_IDS; SKILL_ID
            defaults to the id the browser pages send).
              --demo-org   against an embedded demo Salesforce org on a free loopback port instead; ALLOWED_CLIENT_IDS
                           and SKILL_ID default to the demo connected app's consumer key and the demo skill id
            """;

    static final String INVOKE_HELP = """
            usage: invoke <FunctionLogicalId> --event FILE.json [--template template.yaml] [--env-vars FILE.json]
                          [--demo-org]

            Runs one event (events/...) through TokenFunction or SkillFunction, like sam local invoke, and prints the
            function's JSON result on stdout (function logs go to stderr). TokenFunction needs ALLOWED_CLIENT_IDS and
            SkillFunction SKILL_ID (environment or --env-vars), as they do on Lambda.
              --demo-org   against an embedded demo Salesforce org; ALLOWED_CLIENT_IDS and SKILL_ID then default to
                           the demo connected app's consumer key and the demo skill id
            Exit status: 0 success; 1 the function threw, timed out or wrote no JSON; 2 bad arguments;
            3 the function returned an HTTP statusCode of 500 or more.
            """;

    static final String DEMO_HELP = """
            usage: demo [--port 3000] [--once] [--template template.yaml]

            Starts an embedded demo Salesforce org on a free loopback port and serve on PORT (a free one if PORT is
            taken; 0 = any), walks the account-linking flow as Alexa does (authorize, login, code, /token, refresh,
            skill requests) and prints each step. Then keeps serving until Ctrl-C, with the URLs to try by hand.
              --once   exit after the walk-through: status 0 only if every step succeeded
            """;

    static final String ACCOUNT_LINKING_HELP = """
            usage: account-linking --token-uri URL --client-id KEY [--login-url URL] [--scheme HTTP_BASIC]

            Prints the skill's account-linking settings (Auth Code Grant against Salesforce, scopes api refresh_token
            id) as the JSON that the ASK CLI sends:
              SALESFORCE_CLIENT_SECRET=<consumer secret> ./asl account-linking --token-uri <AccessTokenUri output> \\
                  --client-id <consumer key> > account-linking.json
              ask smapi update-account-linking-info -s <skill id> --account-linking-request file:account-linking.json
            The file holds the client secret: keep it out of version control (.gitignore lists account-linking.json).
              --token-uri   the stack output AccessTokenUri
              --client-id   the connected app's consumer key
              --login-url   https://login.salesforce.com (default), https://test.salesforce.com or your My Domain
              --scheme      HTTP_BASIC (default) or REQUEST_BODY_CREDENTIALS; the token function accepts both
            """;

    private LocalRunner() {
    }

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        // A function's System.out is its log (Lambda sends it to CloudWatch): keep it off stdout, which carries
        // invoke's result and the demo's narrative.
        System.setOut(System.err);
        int status = run(Arrays.asList(args), stdout, System.err, System.getenv());
        stdout.flush();
        System.exit(status);
    }

    /** Runs a command; {@code serve} and {@code demo} (without --once) only return when interrupted. */
    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> process) {
        if (args.isEmpty() || List.of("-h", "--help", "help").contains(args.get(0))) {
            out.print(USAGE_TEXT);
            return args.isEmpty() ? USAGE : OK;
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        try {
            return switch (args.get(0)) {
                case "serve" -> serve(Args.parse(rest, Set.of("port", "template", "env-vars"),
                        Set.of("help", "demo-org")), out, err, process);
                case "invoke" -> invoke(Args.parse(rest, Set.of("event", "template", "env-vars"),
                        Set.of("help", "demo-org")), out, err, process);
                case "demo" -> demo(Args.parse(rest, Set.of("port", "template", "env-vars"), Set.of("help", "once")),
                        out, err, process);
                case "account-linking" -> accountLinking(Args.parse(rest,
                        Set.of("token-uri", "client-id", "login-url", "scheme"), Set.of("help")), out, process);
                default -> {
                    err.println("local: unknown command '" + args.get(0) + "'");
                    err.print(USAGE_TEXT);
                    yield USAGE;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("local: " + e.getMessage());
            return USAGE;
        } catch (IllegalStateException e) {
            err.println("local: " + e.getMessage());
            return FUNCTION_FAILED;
        } catch (IOException e) {
            err.println("local: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        }
    }

    private static int serve(Args args, PrintStream out, PrintStream err, Map<String, String> process)
            throws IOException, InterruptedException {
        if (args.flag("help")) {
            out.print(SERVE_HELP);
            return OK;
        }
        noPositionals(args);
        int port = args.port("3000");
        LocalFunctions functions = functions(args, process, err);
        if (args.flag("demo-org")) {
            try (DemoOrg org = DemoOrg.start(0, Clock.systemUTC(), err)) {
                LocalFunctions demo = functions.withDefaults(SecureDefaults.demoOrg());
                Map<String, String> token = Demo.tokenConnection(org.origin());
                Map<String, String> skill = Demo.skillConnection(org.origin());
                BrowserLink.Settings link = demoBrowserSettings(org.origin(),
                        skillId(demo.environment(LocalFunctions.SKILL_FUNCTION, skill)));
                return serve(demo, port, token, skill, link, "the embedded demo org at " + org.origin(), out, err);
            }
        }
        LocalFunctions real = functions.withDefaults(SecureDefaults.serveRealOrg(process.get("SALESFORCE_CLIENT_ID")));
        return serve(real, port, Map.of(), Map.of(), browserSettings(real, process, Map.of(), Map.of()), null, out,
                err);
    }

    private static int serve(LocalFunctions functions, int port, Map<String, String> token, Map<String, String> skill,
                             BrowserLink.Settings link, String demoOrg, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        Map<String, String> tokenEnv = functions.environment(LocalFunctions.TOKEN_FUNCTION, token);
        if (functions.declares(LocalFunctions.TOKEN_FUNCTION)) {
            SecureDefaults.requireAllowedClientIds(tokenEnv);
        }
        try (LocalServer server = startServer(functions, port, token, skill, link, err)) {
            out.println("Serving on " + server.origin() + (demoOrg == null ? "" : " against " + demoOrg)
                    + " (Ctrl-C to stop)");
            for (String route : server.routeDescriptions()) {
                out.println("  " + route + "   (API Gateway HTTP API payload 2.0 event)");
            }
            out.println("  POST /skill -> " + LocalFunctions.SKILL_FUNCTION + "   (the raw Alexa request envelope)");
            out.println("  GET / -> the account-linking simulator page (link, talk, break things): http://localhost:"
                    + server.port() + "/");
            if (functions.declares(LocalFunctions.TOKEN_FUNCTION)) {
                out.println("  " + LocalFunctions.TOKEN_FUNCTION + " " + SecureDefaults.ALLOWED_CLIENT_IDS + "="
                        + tokenEnv.get(SecureDefaults.ALLOWED_CLIENT_IDS));
            }
            if (functions.declares(LocalFunctions.SKILL_FUNCTION)) {
                out.println("  " + LocalFunctions.SKILL_FUNCTION + " " + SecureDefaults.SKILL_ID + "="
                        + skillId(functions.environment(LocalFunctions.SKILL_FUNCTION, skill)));
            }
            out.println("  GET /metrics -> this session's figures, as the stack's metric filters would publish them");
            out.flush();
            awaitShutdown(() -> {
                out.println();
                out.println("This session's figures (the template's metric filters on the functions' log lines):");
                out.print(functions.metrics().render());
                out.flush();
            });
        }
        return OK;
    }

    private static int invoke(Args args, PrintStream out, PrintStream err, Map<String, String> process)
            throws IOException {
        if (args.flag("help")) {
            out.print(INVOKE_HELP);
            return OK;
        }
        if (args.positionals().size() != 1 || args.option("event", null) == null) {
            err.print(INVOKE_HELP);
            return USAGE;
        }
        Path eventFile = Path.of(args.option("event", null));
        if (!Files.isRegularFile(eventFile)) {
            throw new IllegalArgumentException("no event file at " + eventFile);
        }
        byte[] event = Files.readAllBytes(eventFile);
        String logicalId = args.positionals().get(0);
        LocalFunctions functions = functions(args, process, err);
        LocalFunction.Invocation invocation;
        if (args.flag("demo-org")) {
            try (DemoOrg org = DemoOrg.start(0, Clock.systemUTC(), err)) {
                Map<String, String> settings = logicalId.equals(LocalFunctions.TOKEN_FUNCTION)
                        ? Demo.tokenConnection(org.origin()) : Demo.skillConnection(org.origin());
                invocation = functions.withDefaults(SecureDefaults.demoOrg()).load(logicalId, settings).invoke(event);
            }
        } else {
            if (logicalId.equals(LocalFunctions.TOKEN_FUNCTION) && functions.declares(logicalId)) {
                SecureDefaults.requireAllowedClientIds(functions.environment(logicalId, Map.of()));
            } else if (logicalId.equals(LocalFunctions.SKILL_FUNCTION) && functions.declares(logicalId)) {
                SecureDefaults.requireSkillId(functions.environment(logicalId, Map.of()));
            }
            invocation = functions.load(logicalId, Map.of()).invoke(event);
        }
        if (invocation.failed()) {
            out.println(invocation.errorJson());
            return FUNCTION_FAILED;
        }
        String output = new String(invocation.output(), StandardCharsets.UTF_8);
        out.println(output);
        JsonElement result;
        try {
            result = JsonParser.parseString(output);
        } catch (RuntimeException e) {
            err.println("local: the function's output is not JSON");
            return FUNCTION_FAILED;
        }
        if (result.isJsonObject() && result.getAsJsonObject().has("statusCode")
                && result.getAsJsonObject().get("statusCode").isJsonPrimitive()
                && result.getAsJsonObject().get("statusCode").getAsInt() >= 500) {
            return FUNCTION_5XX;
        }
        return OK;
    }

    private static int demo(Args args, PrintStream out, PrintStream err, Map<String, String> process)
            throws IOException, InterruptedException {
        if (args.flag("help")) {
            out.print(DEMO_HELP);
            return OK;
        }
        noPositionals(args);
        PrintStream log = IndentedLog.under(err);
        return Demo.run(functions(args, process, log), args.port("3000"), args.flag("once"), out, log)
                ? OK : FUNCTION_FAILED;
    }

    private static int accountLinking(Args args, PrintStream out, Map<String, String> process) {
        if (args.flag("help")) {
            out.print(ACCOUNT_LINKING_HELP);
            return OK;
        }
        noPositionals(args);
        out.println(AccountLinkingRequest.of(args.option("token-uri", null),
                args.option("login-url", "https://login.salesforce.com"), args.option("client-id", null),
                process.get("SALESFORCE_CLIENT_SECRET"), args.option("scheme", "HTTP_BASIC")).toJson());
        return OK;
    }

    private static LocalFunctions functions(Args args, Map<String, String> process, PrintStream err)
            throws IOException {
        String envVars = args.option("env-vars", null);
        return LocalFunctions.from(Path.of(args.option("template", "template.yaml")),
                envVars == null ? null : Path.of(envVars), process, Clock.systemUTC(), err);
    }

    /** Starts serve with the template's functions; the settings maps are the runner's own overrides. */
    static LocalServer startServer(LocalFunctions functions, int port, Map<String, String> tokenSettings,
                                   Map<String, String> skillSettings, BrowserLink.Settings link, PrintStream log)
            throws IOException {
        List<LocalFunction> http = new ArrayList<>();
        for (String id : functions.httpFunctionIds()) {
            http.add(functions.load(id, id.equals(LocalFunctions.TOKEN_FUNCTION) ? tokenSettings : Map.of()));
        }
        LocalFunction skill = functions.declares(LocalFunctions.SKILL_FUNCTION)
                ? functions.load(LocalFunctions.SKILL_FUNCTION, skillSettings) : null;
        return LocalServer.start(port, http, skill, link, Clock.systemUTC(), log, functions.metrics());
    }

    static BrowserLink.Settings browserSettings(LocalFunctions functions, Map<String, String> process,
                                                Map<String, String> tokenSettings, Map<String, String> skillSettings) {
        String loginUrl = functions.environment(LocalFunctions.TOKEN_FUNCTION, tokenSettings)
                .getOrDefault("SALESFORCE_LOGIN_URL", "");
        if (loginUrl.isBlank()) {
            loginUrl = "https://login.salesforce.com";
        }
        return new BrowserLink.Settings(stripSlash(loginUrl), process.get("SALESFORCE_CLIENT_ID"),
                process.get("SALESFORCE_CLIENT_SECRET"),
                skillId(functions.environment(LocalFunctions.SKILL_FUNCTION, skillSettings)));
    }

    static BrowserLink.Settings demoBrowserSettings(String orgOrigin) {
        return demoBrowserSettings(orgOrigin, AlexaRequests.DEMO_SKILL_ID);
    }

    /** The browser pages against the demo org: its connected app, and the skill id the skill function checks. */
    static BrowserLink.Settings demoBrowserSettings(String orgOrigin, String skillId) {
        ConnectedApp app = ConnectedApp.demo();
        return new BrowserLink.Settings(orgOrigin, app.clientId(), app.clientSecret(), skillId);
    }

    /** The skill id a skill function environment checks, or the demo skill id when it checks none. */
    private static String skillId(Map<String, String> skillEnvironment) {
        String skillId = skillEnvironment.getOrDefault(SecureDefaults.SKILL_ID, "");
        return skillId.isBlank() ? AlexaRequests.DEMO_SKILL_ID : skillId;
    }

    private static void noPositionals(Args args) {
        if (!args.positionals().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + args.positionals().get(0) + "'");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Waits for Ctrl-C; {@code onExit} runs in the shutdown hook, the one place that still runs then. */
    private static void awaitShutdown(Runnable onExit) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            onExit.run();
            stopped.countDown();
        }));
        stopped.await();
    }
}
