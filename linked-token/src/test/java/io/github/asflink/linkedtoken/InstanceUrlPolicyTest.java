package io.github.asflink.linkedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceUrlPolicyTest {

    private static final InstanceUrlPolicy DEFAULTS = InstanceUrlPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
        "https://acme.my.salesforce.com",
        "https://acme.my.salesforce.com/",
        "https://na1.salesforce.com",
        "https://acme--uat.sandbox.my.salesforce.com",
        "https://acme.lightning.force.com",
        "https://eu1.cloudforce.com",
        "https://agency.my.salesforce.mil",
        "https://corp.my.sfcrmproducts.cn",
        "HTTPS://ACME.MY.SALESFORCE.COM",
    })
    void defaultPolicyAcceptsSalesforceOrigins(String url) throws Exception {
        assertEquals(url.toLowerCase().replaceAll("/$", ""),
                InstanceUrlPolicy.canonical(DEFAULTS.check(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://acme.my.salesforce.com",              // not https
        "https://acme.my.salesforce.com:8443",        // explicit port
        "https://user@acme.my.salesforce.com",        // user info
        "https://user:pw@acme.my.salesforce.com",     // user info with password
        "https://acme.my.salesforce.com/services",    // path
        "https://acme.my.salesforce.com/?x=1",        // query
        "https://acme.my.salesforce.com#frag",        // fragment
        "https://salesforce.com",                     // the bare domain, not a subdomain
        "https://evilsalesforce.com",                 // suffix without the dot
        "https://acme.my.salesforce.com.evil.example",// allowed name as a prefix
        "https://attacker.example/.salesforce.com",   // allowed name in the path
        "https://127.0.0.1",                          // loopback not allowed by default
        "https://[::1]",
        "ftp://acme.my.salesforce.com",
        "//acme.my.salesforce.com",
        "acme.my.salesforce.com",
        "https://",
        "https://acme my.salesforce.com",
        "not a url",
        "",
    })
    void defaultPolicyRejectsEverythingElse(String url) {
        LinkedTokenException e = assertThrows(LinkedTokenException.class, () -> DEFAULTS.check(url));
        assertEquals(LinkedTokenException.Reason.DISALLOWED_INSTANCE_URL, e.reason());
    }

    @Test
    void nullIsRejected() {
        assertThrows(LinkedTokenException.class, () -> DEFAULTS.check(null));
    }

    @Test
    void blankOrUnsetSpecificationMeansDefaults() {
        assertEquals(DEFAULTS, InstanceUrlPolicy.parse(null));
        assertEquals(DEFAULTS, InstanceUrlPolicy.parse("  "));
        assertEquals(DEFAULTS, InstanceUrlPolicy.fromEnvironment(Map.of()));
        assertEquals(DEFAULTS, InstanceUrlPolicy.parse("default"));
    }

    @Test
    void loopbackStandInIsAllowedOnlyWhenAddedExplicitly() throws Exception {
        InstanceUrlPolicy policy = InstanceUrlPolicy.fromEnvironment(
                Map.of(InstanceUrlPolicy.ENVIRONMENT_VARIABLE, "default, http://127.0.0.1:8089"));
        assertEquals("http://127.0.0.1:8089", InstanceUrlPolicy.canonical(policy.check("http://127.0.0.1:8089")));
        assertEquals("https://acme.my.salesforce.com",
                InstanceUrlPolicy.canonical(policy.check("https://acme.my.salesforce.com")));
        // another port on the same host is a different origin
        assertThrows(LinkedTokenException.class, () -> policy.check("http://127.0.0.1:8090"));
        assertThrows(LinkedTokenException.class, () -> policy.check("https://127.0.0.1:8089"));
    }

    @Test
    void listWithoutDefaultReplacesTheDefaults() throws Exception {
        InstanceUrlPolicy policy = InstanceUrlPolicy.parse(".my.salesforce.com");
        policy.check("https://acme.my.salesforce.com");
        assertThrows(LinkedTokenException.class, () -> policy.check("https://acme.lightning.force.com"));
    }

    @Test
    void exactHttpsOriginMatchesDefaultPortEitherWay() throws Exception {
        InstanceUrlPolicy policy = InstanceUrlPolicy.parse("https://sf.example.org");
        policy.check("https://sf.example.org");
        policy.check("https://sf.example.org:443/");
        assertThrows(LinkedTokenException.class, () -> policy.check("https://other.example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://sf.example.org",          // plain http outside loopback
        "http://127.evil.example:80",     // looks like loopback, is not
        "https://sf.example.org/path",
        "https://user@sf.example.org",
        "ftp://sf.example.org",
        "not-a-url",
        ",",
    })
    void badSpecificationFailsNamingTheVariable(String specification) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstanceUrlPolicy.parse(specification));
        assertTrue(e.getMessage().startsWith(InstanceUrlPolicy.ENVIRONMENT_VARIABLE), e.getMessage());
    }

    @Test
    void rejectionMessageDoesNotRepeatTheUrl() {
        LinkedTokenException e = assertThrows(LinkedTokenException.class,
                () -> DEFAULTS.check("https://attacker.example"));
        assertFalse(e.getMessage().contains("attacker"));
    }
}
