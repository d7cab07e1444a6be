/**
 * Everything that talks to Salesforce: the per-request client and its typed results and failures, the user from
 * userinfo, the records the intents speak about, the request's time budget. The transport, the SOQL text, the reading
 * of raw JSON answers, the identity service's error codes and the orgs' learned currencies stay package-private:
 * outside this package nothing sees a raw answer, builds a request or holds the access token.
 */
package io.github.asflink.skill.salesforce;
