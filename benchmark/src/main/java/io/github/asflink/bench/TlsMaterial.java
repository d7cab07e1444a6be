package io.github.asflink.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away certificate for a TLS stand-in on 127.0.0.1, made with the JDK's keytool, and a trust store for the
 * measured JVM: the JDK's own CA certificates plus this one, so the client still loads a full CA list (that load is
 * part of what a first TLS connection costs) and also trusts the stand-in.
 */
final class TlsMaterial {
    private static final String PASSWORD = "changeit"; // the JDK cacerts default; nothing here is secret
    private static final String ALIAS = "salesforce-stand-in";

    private final Path keyStore;
    private final Path trustStore;

    private TlsMaterial(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    static TlsMaterial create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("stand-in.p12");
        Path certificate = dir.resolve("stand-in.pem");
        Path trustStore = dir.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        Files.copy(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"), trustStore,
                StandardCopyOption.REPLACE_EXISTING);
        keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storepass", PASSWORD);
        return new TlsMaterial(keyStore, trustStore);
    }

    /** For the stand-in's HttpsServer. */
    SSLContext serverContext() throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the measured JVM gets so its default SSL context trusts the stand-in. */
    List<String> clientFlags() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + out.strip());
        }
    }
}
