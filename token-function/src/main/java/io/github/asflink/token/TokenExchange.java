package io.github.asflink.token;

import io.github.asflink.linkedtoken.LinkedToken;
import io.github.asflink.linkedtoken.LinkedTokenException;
import java.time.Duration;

/**
 * The token endpoint's logic, free of Lambda: Alexa's request in, Alexa's answer out, plus what the access log needs.
 */
final class TokenExchange {

    /** How a request ended, as the access log names it. */
    enum Outcome {
        GRANTED, REJECTED, SALESFORCE_ERROR, UPSTREAM_FAILURE, INTERNAL_ERROR;

        String logName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Outcome of(TokenError error) {
            return switch (error.origin()) {
                case REQUEST -> REJECTED;
                case SALESFORCE -> SALESFORCE_ERROR;
                case UPSTREAM -> UPSTREAM_FAILURE;
                case INTERNAL -> INTERNAL_ERROR;
            };
        }
    }

    /**
     * The answer and what happened, for the one log line per request.
     *
     * @param grantType  null when the request was rejected before its grant was known
     * @param clientAuth null likewise
     * @param note       a fixed text for the log, never a request value
     */
    record Result(HttpApiResponse response, String grantType, ClientCredentials.Scheme clientAuth, Outcome outcome,
            SalesforceTokenClient.Call upstream, String note) {

        static Result failure(TokenError error, String note) {
            return new Result(AlexaTokenResponse.error(error), null, null, Outcome.of(error), null, note);
        }
    }

    private final TokenConfig config;
    private final TokenRequestParser parser;
    private final SalesforceTokenClient salesforce;

    TokenExchange(TokenConfig config, SalesforceTransport transport) {
        this.config = config;
        this.parser = new TokenRequestParser(config.defaultRedirectUri());
        this.salesforce = new SalesforceTokenClient(config.salesforceTokenEndpoint(), transport);
    }

    /** @param salesforceBudget how long the Salesforce call may take, see {@link TokenConfig#salesforceBudget} */
    Result handle(HttpApiRequest httpRequest, Duration salesforceBudget) throws InterruptedException {
        SalesforceTokenClient.Call[] upstream = {null};
        TokenRequest request = null;
        try {
            request = parser.parse(httpRequest);
            if (!config.allowsClient(request.client().clientId())) {
                throw TokenError.invalidClient(request.client().usedBasic());
            }
            SalesforceGrant grant = salesforce.exchange(request, salesforceBudget, call -> upstream[0] = call);
            String linked = linkedToken(grant, request);
            String refreshToken = grant.refreshToken() != null ? grant.refreshToken()
                    : request.grant() instanceof TokenRequest.RefreshToken refresh ? refresh.refreshToken() : null;
            return new Result(
                    AlexaTokenResponse.granted(linked, config.tokenExpiresInSeconds(), refreshToken, grant.scope()),
                    request.grant().type(), request.client().scheme(), Outcome.GRANTED, upstream[0],
                    refreshToken == null ? "no refresh_token: grant the refresh_token scope" : null);
        } catch (TokenError error) {
            return new Result(AlexaTokenResponse.error(error),
                    request == null ? null : request.grant().type(),
                    request == null ? null : request.client().scheme(),
                    Outcome.of(error), upstream[0], error.code() + ": " + error.description());
        }
    }

    private String linkedToken(SalesforceGrant grant, TokenRequest request) throws TokenError {
        if (grant.signature() != null && request.client().clientSecret() != null) {
            if (grant.id() == null || grant.issuedAt() == null || !SignatureVerifier.matches(grant.id(),
                    grant.issuedAt(), grant.signature(), request.client().clientSecret())) {
                throw TokenError.badGateway("Salesforce's answer failed the signature check");
            }
        }
        try {
            return LinkedToken.of(grant.accessToken(), grant.instanceUrl(), config.instanceUrls()).join();
        } catch (LinkedTokenException e) {
            throw TokenError.badGateway(switch (e.reason()) {
                case DISALLOWED_INSTANCE_URL -> "Salesforce's instance_url is not an allowed Salesforce origin";
                case TOO_LONG -> "Salesforce's access token is too long to link";
                default -> "Salesforce's access token cannot be linked";
            });
        }
    }
}
