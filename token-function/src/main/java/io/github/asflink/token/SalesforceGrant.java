package io.github.asflink.token;

/**
 * A successful answer from Salesforce's token endpoint, as far as the token function needs it.
 *
 * @param refreshToken null on a refresh answer unless the connected app rotates refresh tokens
 * @param signature    null when Salesforce sent none
 */
record SalesforceGrant(String accessToken, String instanceUrl, String refreshToken, String scope, String id,
        String issuedAt, String signature) {

    @Override
    public String toString() {
        return "SalesforceGrant[instanceUrl=" + instanceUrl + ", scope=" + scope + ", refreshToken="
                + (refreshToken == null ? "none" : "<redacted>") + "]";
    }
}
