package io.github.asflink.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link WarmRunner} in its own JVM with Lambda's flags (C1 only, as a warm Lambda runs), with just this
 * module's classes and {@code aws-lambda-java-core} on the class path: the function itself comes from its
 * {@code sam build} folder, so the figure is for the deployed code.
 */
final class WarmBench {

    private final JvmLauncher launcher;
    private final PrintStream log;

    private final boolean quick;

    WarmBench(JvmLauncher launcher, PrintStream log, boolean quick) {
        this.launcher = launcher;
        this.log = log;
        this.quick = quick;
    }

    List<Results.Warm> run(String scenario, Path taskRoot) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launcher.jvmFlags());
        command.add("-cp");
        command.add(Baselines.codeSource(WarmRunner.class) + File.pathSeparator
                + Baselines.codeSource(RequestStreamHandler.class) + File.pathSeparator
                + Baselines.codeSource(SalesforceErrors.class));
        command.add(WarmRunner.class.getName());
        command.add(scenario);
        command.add(taskRoot.toString());
        if (quick) {
            command.add(WarmRunner.QUICK);
        }
        log.println("bench: warm " + scenario + (quick ? " (quick)" : " (about 15 s)"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Results.Warm> figures = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String[] f = line.split("\t");
                if (f.length == 6 && f[0].equals(WarmRunner.RESULT)) {
                    figures.add(new Results.Warm(f[1], new Stats(Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]), 0), f[5]));
                }
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("warm " + scenario + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("warm " + scenario + " failed with exit code " + process.exitValue());
        }
        return figures;
    }
}
