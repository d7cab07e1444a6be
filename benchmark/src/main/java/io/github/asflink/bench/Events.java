package io.github.asflink.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The events the benchmark queues, shaped as API Gateway's HTTP API and Alexa send them. */
final class Events {
    static final String REDIRECT_URI = "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA";
    static final String SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-000000000b3c";
    private static final Pattern OK_200 = Pattern.compile("\"statusCode\"\\s*:\\s*200");
    /** The token function's answer to {@link #tokenAuthorizationCode()} when it worked: a 200 with a token. */
    static final Predicate<String> TOKEN_GRANTED = body -> OK_200.matcher(body).find() && body.contains("access_token");

    private Events() {
    }

    /** Alexa's authorization-code request, credentials in the body, as the HTTP API delivers it: base64. */
    static byte[] tokenAuthorizationCode() {
        String form = "grant_type=authorization_code&code=aPrxbenchmark.authorization.code.0123456789"
                + "&client_id=" + enc(SalesforceStandIn.CLIENT_ID)
                + "&client_secret=" + enc(SalesforceStandIn.CLIENT_SECRET)
                + "&redirect_uri=" + enc(REDIRECT_URI);
        String body = Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now();
        return ("""
                {"version":"2.0","routeKey":"POST /token","rawPath":"/token","rawQueryString":"",\
                "headers":{"accept":"application/json","content-length":"%d",\
                "content-type":"application/x-www-form-urlencoded;charset=UTF-8",\
                "host":"abcd123456.execute-api.us-east-1.amazonaws.com",\
                "user-agent":"Apache-HttpClient/UNAVAILABLE (Java/1.8.0_372)",\
                "x-amzn-trace-id":"Root=1-6750a000-0123456789abcdef01234567","x-forwarded-for":"54.240.197.233",\
                "x-forwarded-port":"443","x-forwarded-proto":"https"},\
                "requestContext":{"accountId":"123456789012","apiId":"abcd123456",\
                "domainName":"abcd123456.execute-api.us-east-1.amazonaws.com","domainPrefix":"abcd123456",\
                "http":{"method":"POST","path":"/token","protocol":"HTTP/1.1","sourceIp":"54.240.197.233",\
                "userAgent":"Apache-HttpClient/UNAVAILABLE (Java/1.8.0_372)"},"requestId":"Cbench000000EJA=",\
                "routeKey":"POST /token","stage":"$default","time":"01/Dec/2026:19:00:00 +0000","timeEpoch":%d},\
                "body":"%s","isBase64Encoded":true}""")
                .formatted(form.length(), now.toEpochMilli(), body).getBytes(StandardCharsets.UTF_8);
    }

    /** A LaunchRequest; {@code accessToken} null means the user has not linked the account. */
    static byte[] skillLaunch(String accessToken) {
        return skillEnvelope(accessToken, """
                {"type":"LaunchRequest","requestId":"amzn1.echo-api.request.bench-launch","timestamp":"%s",\
                "locale":"en-US","shouldLinkResultBeReturned":false}""".formatted(Instant.now()));
    }

    /** An IntentRequest for {@code intentName} with no slots. */
    static byte[] skillIntent(String accessToken, String intentName) {
        return skillEnvelope(accessToken, """
                {"type":"IntentRequest","requestId":"amzn1.echo-api.request.bench-intent","timestamp":"%s",\
                "locale":"en-US","intent":{"name":"%s","confirmationStatus":"NONE"}}"""
                .formatted(Instant.now(), intentName));
    }

    /** The linked token the token function hands Alexa: Salesforce token, a space, the instance URL. */
    static String linkedToken(String instanceBase) {
        return SalesforceStandIn.ACCESS_TOKEN + " " + instanceBase;
    }

    private static byte[] skillEnvelope(String accessToken, String request) {
        String token = accessToken == null ? "" : ",\"accessToken\":\"" + accessToken + "\"";
        String user = "{\"userId\":\"amzn1.ask.account.BENCHMARKUSER\"" + token + "}";
        String application = "{\"applicationId\":\"" + SKILL_ID + "\"}";
        return ("{\"version\":\"1.0\",\"session\":{\"new\":true,\"sessionId\":\"amzn1.echo-api.session.bench\","
                + "\"application\":" + application + ",\"attributes\":{},\"user\":" + user + "},"
                + "\"context\":{\"System\":{\"application\":" + application + ",\"user\":" + user + ","
                + "\"device\":{\"deviceId\":\"amzn1.ask.device.BENCHMARKDEVICE\",\"supportedInterfaces\":{}},"
                + "\"apiEndpoint\":\"https://api.amazonalexa.com\",\"apiAccessToken\":\"benchmark.api.access.token\"}},"
                + "\"request\":" + request + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
