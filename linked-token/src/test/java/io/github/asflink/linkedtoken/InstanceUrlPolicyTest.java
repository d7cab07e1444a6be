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
        // My Domain, production
        "https://acme.my.salesforce.com",
        "https://acme.my.salesforce.com/",
        "HTTPS://ACME.MY.SALESFORCE.COM",
        // My Domain forms of sandbox, scratch, Developer Edition, demo and Trailhead orgs
        "https://acme--uat.sandbox.my.salesforce.com",
        "https://momentum-ability-1234-dev-ed.scratch.my.salesforce.com",
        "https://acme-dev-ed.develop.my.salesforce.com",
        "https://acme.demo.my.salesforce.com",
        "https://acme.trailblaze.my.salesforce.com",
        // legacy instance hosts directly under salesforce.com
        "https://na1.salesforce.com",
        "https://cs42.salesforce.com",
        "https://eu12.salesforce.com",
        "https://um1.salesforce.com",
        "https://na135-s.salesforce.com",
        // Government Cloud Plus and China
        "https://agency.my.salesforce.mil",
        "https://agency--uat.sandbox.my.salesforce.mil",
        "https://corp.my.sfcrmproducts.cn",
    })
    void defaultPolicyAcceptsHostsThatServeSalesforcesApi(String url) throws Exception {
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
        "https://my.salesforce.com",                  // the My Domain suffix itself
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
    void defaultPolicyRejectsMalformedOrForeignUrls(String url) {
        LinkedTokenException e = assertThrows(LinkedTokenException.class, () -> DEFAULTS.check(url));
        assertEquals(LinkedTokenException.Reason.DISALLOWED_INSTANCE_URL, e.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Salesforce hosts that serve sites, pages or files, not the API a token is for
        "https://acme.lightning.force.com",
        "https://acme.my.site.com",
        "https://acme.force.com",
        "https://acme.secure.force.com",
        "https://acme--c.vf.force.com",
        "https://acme--c.na1.content.force.com",
        "https://acme.file.force.com",
        "https://eu1.cloudforce.com",
        "https://acme.visualforce.com",
        "https://acme--c.visualforce.com",
        "https://acme.my.salesforce-sites.com",
        // salesforce.com hosts that are not instances
        "https://login.salesforce.com",
        "https://test.salesforce.com",
        "https://help.salesforce.com",
        "https://trailhead.salesforce.com",
        "https://www.salesforce.com",
        // shapes the legacy instance pattern must not stretch to
        "https://na.salesforce.com",                  // no digits
        "https://1na.salesforce.com",                 // digits first
        "https://na1s.salesforce.com",                // letters after the digits
        "https://na1-x.salesforce.com",               // another suffix than -s
        "https://na1-s-s.salesforce.com",
        "https://evil.na1.salesforce.com",            // two labels under salesforce.com
        "https://na1.salesforce.com.evil.example",
        "https://na1.salesforce.mil",                 // legacy form only under salesforce.com
        // Government Cloud Plus and China outside My Domain
        "https://agency.salesforce.mil",
        "https://corp.sfcrmproducts.cn",
        "https://corp.my.sfcrmproducts.cn.evil.example",
    })
    void defaultPolicyRefusesSalesforceHostsThatDoNotServeTheApi(String url) {
        LinkedTokenException e = assertThrows(LinkedTokenException.class, () -> DEFAULTS.check(url));
        assertEquals(LinkedTokenException.Reason.DISALLOWED_INSTANCE_URL, e.reason());
    }

    @Test
    void forceComIsAllowedOnlyWhenConfigured() throws Exception {
        InstanceUrlPolicy policy = InstanceUrlPolicy.parse("default,.force.com");
        policy.check("https://acme.lightning.force.com");
        policy.check("https://acme.my.salesforce.com");
        policy.check("https://na1.salesforce.com");
        assertThrows(LinkedTokenException.class, () -> policy.check("https://acme.my.site.com"));
        assertThrows(LinkedTokenException.class, () -> DEFAULTS.check("https://acme.lightning.force.com"));
    }

    @Test
    void legacyInstanceHostsComeOnlyWithDefault() throws Exception {
        assertTrue(DEFAULTS.legacyInstanceHosts());
        InstanceUrlPolicy myDomainOnly = InstanceUrlPolicy.parse(".my.salesforce.com");
        assertFalse(myDomainOnly.legacyInstanceHosts());
        assertThrows(LinkedTokenException.class, () -> myDomainOnly.check("https://na1.salesforce.com"));
        InstanceUrlPolicy.parse("https://sf.example.org, default").check("https://cs42.salesforce.com");
    }

    @Test
    void defaultListsMyDomainFirst() {
        // The token function primes SnapStart with a host under the first suffix; it must be an allowed one.
        assertEquals(".my.salesforce.com", DEFAULTS.hostSuffixes().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {".com", "com", ".cn", ".mil", ".", "..", "..com", ".example..com", ".example.com.",
        ".exa_mple.com", "example.com", "default,.com", ".com,default"})
    void suffixWithFewerThanTwoLabelsOrBadLabelsIsRefusedWithoutEchoingIt(String specification) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstanceUrlPolicy.parse(specification));
        assertTrue(e.getMessage().startsWith(InstanceUrlPolicy.ENVIRONMENT_VARIABLE), e.getMessage());
        String entry = specification.replace("default", "").replace(",", "");
        assertFalse(e.getMessage().contains("'" + entry + "'"), e.getMessage());
        assertFalse(e.getMessage().contains(" " + entry + " "), e.getMessage());
    }

    @Test
    void badEntryIsNamedByPositionNotByText() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InstanceUrlPolicy.parse("default, https://ok.example.org, http://SECRETVALUE.example"));
        assertTrue(e.getMessage().startsWith(InstanceUrlPolicy.ENVIRONMENT_VARIABLE + " entry 3"), e.getMessage());
        assertFalse(e.getMessage().toLowerCase().contains("secretvalue"), e.getMessage());
    }

    @Test
    void twoLabelSuffixIsAccepted() throws Exception {
        InstanceUrlPolicy policy = InstanceUrlPolicy.parse(".sf.example.com, .example.org");
        policy.check("https://acme.sf.example.com");
        policy.check("https://a.example.org");
        assertThrows(LinkedTokenException.class, () -> policy.check("https://example.org"));
    }

    @Test
    void suffixLabelsTakeLettersDigitsAndHyphensAtEveryEdgeOfTheirRanges() throws Exception {
        InstanceUrlPolicy policy = InstanceUrlPolicy.parse(".az-09.example.com");
        assertEquals(java.util.List.of(".az-09.example.com"), policy.hostSuffixes());
        policy.check("https://acme.az-09.example.com");
        // the characters just outside a-z and 0-9
        for (String label : new String[] {"a`b", "a{b", "a/b", "a:b", "a-b_c"}) {
            assertThrows(IllegalArgumentException.class, () -> InstanceUrlPolicy.parse("." + label + ".example.com"),
                    label);
        }
    }

    @Test
    void defaultsAreTheMyDomainSuffixesAndLegacyHostsWithNoExactOrigin() {
        // called here, not only in a static initialiser, so that a mutation test sees it
        assertEquals(InstanceUrlPolicy.parse("default"), InstanceUrlPolicy.defaults());
        assertEquals(InstanceUrlPolicy.DEFAULT_HOST_SUFFIXES, DEFAULTS.hostSuffixes());
        assertTrue(DEFAULTS.legacyInstanceHosts());
        assertEquals(java.util.List.of(), DEFAULTS.exactOrigins());
        assertEquals("InstanceUrlPolicy[hostSuffixes=[.my.salesforce.com, .my.salesforce.mil, .my.sfcrmproducts.cn],"
                + " legacyInstanceHosts=true, exactOrigins=[]]", DEFAULTS.toString());
    }

    @Test
    void policiesAreEqualExactlyWhenTheyAllowTheSameOrigins() {
        InstanceUrlPolicy withOrigin = InstanceUrlPolicy.parse("default, https://sf.example.org");
        assertEquals(java.util.List.of(java.net.URI.create("https://sf.example.org")), withOrigin.exactOrigins());
        assertEquals(withOrigin, InstanceUrlPolicy.parse("DEFAULT,https://sf.example.org"));
        assertEquals(withOrigin.hashCode(), InstanceUrlPolicy.parse("DEFAULT,https://sf.example.org").hashCode());
        assertFalse(withOrigin.equals(DEFAULTS));
        assertFalse(DEFAULTS.equals(
                InstanceUrlPolicy.parse(".my.salesforce.com,.my.salesforce.mil,.my.sfcrmproducts.cn")),
                "same suffixes without the legacy hosts");
        assertFalse(DEFAULTS.equals(InstanceUrlPolicy.parse(".my.salesforce.com")));
        assertFalse(DEFAULTS.equals(DEFAULTS.toString()));
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
