package io.github.asflink.local.demoorg;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.asflink.local.Http;
import io.github.asflink.local.LoopbackHost;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * An embedded stand-in for a Salesforce org on loopback: the OAuth endpoints the token function calls, and the REST
 * endpoints the skill calls (userinfo, SOQL query, Task creation), with seeded users and records. Every refusal is
 * one of Salesforce's own answers (salesforce-errors); requests addressed to another host than this loopback server
 * are refused (see {@link LoopbackHost}). Local runner only: it is never part of a function's deployment package.
 */
public final class DemoOrg implements AutoCloseable {
    private final HttpServer server;
    private final String origin;
    private final ConnectedApp app;
    private final DemoData data;
    private final TokenStore tokens;
    private final OAuthEndpoints oauth;
    private final Outage outage = new Outage();

    private DemoOrg(HttpServer server, ConnectedApp app, Clock clock, PrintStream log) {
        this.server = server;
        this.origin = Http.origin(server);
        this.app = app;
        this.data = DemoData.seeded(clock);
        this.tokens = new TokenStore(clock);
        this.oauth = new OAuthEndpoints(data, tokens, app, clock, origin);
        DataApi api = new DataApi(data, tokens, new SoqlInterpreter(data), log);
        server.createContext("/services/oauth2/authorize", guarded(oauth::authorize, log));
        server.createContext("/services/oauth2/token", guarded(oauth::token, log));
        server.createContext("/services/oauth2/revoke", guarded(oauth::revoke, log));
        server.createContext("/services/oauth2/userinfo", guarded(oauth::userinfo, log));
        server.createContext("/services/data", guarded(api::handle, log));
        server.createContext(OrgControls.PATH, guarded(new OrgControls(app, tokens, oauth, outage)::handle, log));
        server.createContext("/", guarded(exchange -> FailureAnswers.send(exchange, SalesforceErrors.notFound()),
                log));
    }

    /** Starts the demo org on a loopback port (0 = any free port). */
    public static DemoOrg start(int port, Clock clock, PrintStream log) throws IOException {
        DemoOrg org = new DemoOrg(Http.loopbackServer(port), ConnectedApp.demo(), clock, log);
        org.server.start();
        return org;
    }

    public static DemoOrg start(int port) throws IOException {
        return start(port, Clock.systemDefaultZone(), System.err);
    }

    /** {@code http://127.0.0.1:PORT}: the login URL and the instance URL at once. */
    public String origin() {
        return origin;
    }

    public ConnectedApp connectedApp() {
        return app;
    }

    public DemoData data() {
        return data;
    }

    /** Slows every token-endpoint answer by {@code delay} (benchmarks, timeout tests). */
    public void tokenDelay(Duration delay) {
        oauth.tokenDelay(delay);
    }

    /** Revokes an access or refresh token, as {@code POST /services/oauth2/revoke} does. */
    public boolean revoke(String token) {
        return tokens.revoke(token);
    }

    /**
     * Ends every live access token's session now, as Salesforce's session timeout does: the next call with one gets
     * {@code 403 Bad_OAuth_Token} from userinfo and {@code 401 INVALID_SESSION_ID} from the data API, while a refresh
     * grant still issues a new access token. Returns how many sessions ended.
     */
    public int expireAccessTokens() {
        return tokens.expireAccessTokens();
    }

    /** Ends one access token's session now; false when it was not live. */
    public boolean expireAccessToken(String accessToken) {
        return tokens.expire(accessToken);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The simulator page's outage switch (slow, down, stalled answers). */
    public Outage outage() {
        return outage;
    }

    private HttpHandler guarded(HttpHandler handler, PrintStream log) {
        return exchange -> {
            try {
                if (LoopbackHost.refused(exchange) || outage.interrupts(exchange)) {
                    return;
                }
                handler.handle(exchange);
            } catch (IOException | RuntimeException e) {
                log.println("demo org: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                        + " failed: " + e.getClass().getSimpleName());
                tryFail(exchange);
            }
        };
    }

    private static void tryFail(HttpExchange exchange) {
        try {
            FailureAnswers.send(exchange, SalesforceErrors.unknownException());
        } catch (IOException | RuntimeException ignored) {
            exchange.close();
        }
    }
}
