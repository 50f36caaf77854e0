package org.driftlab.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.driftlab.cli.DriftlabCommand;
import org.driftlab.cluster.health.HealthServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;

/**
 * Static checks of deploy/ (there is no container engine here): every YAML parses; the Kubernetes objects have
 * their required fields, and their labels, selectors, ports, probes and seed names agree with each other and
 * with the environment the node reads; compose and the Dockerfile agree with the launcher script
 * (deploy/docker/driftlab.sh), which turns the environment into {@code driftlab node} flags; and those flags and
 * the submit commands' flags are options of the real CLI. The launcher itself is run with a stand-in java.
 */
class DeployManifestsTest {
    private static final Path ROOT = Path.of("..");
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final Path LAUNCHER = DEPLOY.resolve("docker/driftlab.sh");
    private static final Path DOCKERFILE = DEPLOY.resolve("docker/Dockerfile");
    private static final Path COMPOSE = DEPLOY.resolve("docker/compose.yml");
    private static final Pattern ENV_REF = Pattern.compile("\\$\\(([A-Z_][A-Z0-9_]*)\\)");

    // ---------------------------------------------------------------- reading

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yamlDocs(Path file) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml.loadAll(Files.readString(file))) {
            if (doc == null) continue;
            assertThat(doc).as(file + ": each document is a mapping").isInstanceOf(Map.class);
            docs.add((Map<String, Object>) doc);
        }
        return docs;
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            return walk.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Map<String, Object>> k8s() throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) all.addAll(yamlDocs(f));
        }
        return all;
    }

    private static Map<String, Object> only(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> of =
                docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertThat(of).as("exactly one " + kind).hasSize(1);
        return of.get(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object v = node;
        for (String key : path) {
            assertThat(v).as("parent of " + String.join(".", path)).isInstanceOf(Map.class);
            v = ((Map<String, Object>) v).get(key);
            assertThat(v).as(String.join(".", path) + " is set").isNotNull();
        }
        return (T) v;
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        List<Map<String, Object>> containers = at(workload, "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /**
     * A container's env as name → value, in order; values from fieldRefs as "fieldRef:<path>", from Secrets as
     * "secretKeyRef:<secret>/<key>".
     */
    private static LinkedHashMap<String, String> env(Map<String, Object> container) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        List<Map<String, Object>> env = at(container, "env");
        for (Map<String, Object> e : env) {
            String name = (String) e.get("name");
            Object value = e.get("value");
            if (value == null && at(e, "valueFrom") instanceof Map<?, ?> from && from.containsKey("secretKeyRef")) {
                value = "secretKeyRef:" + at(e, "valueFrom", "secretKeyRef", "name") + "/"
                        + at(e, "valueFrom", "secretKeyRef", "key");
            }
            if (value == null) value = "fieldRef:" + at(e, "valueFrom", "fieldRef", "fieldPath");
            assertThat(value).as("env " + name + " is a string (quote numbers)").isInstanceOf(String.class);
            assertThat(out.put(name, (String) value))
                    .as("env " + name + " set once")
                    .isNull();
        }
        return out;
    }

    private static int namedPort(Map<String, Object> container, String name) {
        List<Map<String, Object>> ports = at(container, "ports");
        return ports.stream()
                .filter(p -> name.equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    /** The Dockerfile's instructions (continuation lines joined, comments dropped) as [keyword, arguments]. */
    private static List<String[]> dockerfile() throws IOException {
        List<String[]> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String t = line.strip();
            if (t.startsWith("#") || (t.isEmpty() && current.length() == 0)) continue;
            boolean more = t.endsWith("\\");
            current.append(more ? t.substring(0, t.length() - 1) : t).append(' ');
            if (!more) {
                String s = current.toString().strip();
                int sp = s.indexOf(' ');
                out.add(new String[] {
                    s.substring(0, sp).toUpperCase(), s.substring(sp + 1).strip()
                });
                current.setLength(0);
            }
        }
        return out;
    }

    private static List<String> instructions(String keyword) throws IOException {
        return dockerfile().stream()
                .filter(i -> i[0].equals(keyword))
                .map(i -> i[1])
                .toList();
    }

    /** ENV KEY=VALUE pairs of the Dockerfile (values unquoted). */
    private static Map<String, String> dockerEnv() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m =
                Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)").matcher(String.join(" ", instructions("ENV")));
        while (m.find()) out.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
        return out;
    }

    /** The DRIFTLAB_* variables a node reads: the launcher's and the ${?…} overrides of the reference.conf files on the classpath. */
    private static Set<String> envTheNodeReads() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher launcher = Pattern.compile("\\$\\{(DRIFTLAB_[A-Z0-9_]+)").matcher(Files.readString(LAUNCHER));
        while (launcher.find()) names.add(launcher.group(1));
        for (URL url :
                Collections.list(DeployManifestsTest.class.getClassLoader().getResources("reference.conf"))) {
            try (InputStream in = url.openStream()) {
                Matcher m = Pattern.compile("\\$\\{\\?(DRIFTLAB_[A-Z0-9_]+)}")
                        .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) names.add(m.group(1));
            }
        }
        return names;
    }

    private static CommandLine subcommand(String name) {
        CommandLine sub = DriftlabCommand.newCommandLine().getSubcommands().get(name);
        Assumptions.assumeTrue(sub != null, "the CLI has no '" + name + "' command yet (cluster CLI not merged)");
        return sub;
    }

    /** Parses {@code args} with the real subcommand (nothing runs); a flag it does not know fails the test. */
    private static CommandLine.ParseResult parse(String command, List<String> args) {
        subcommand(command);
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(args);
        try {
            // from the top command, as `driftlab` parses it (a subcommand parsed alone lacks its parent's state)
            return DriftlabCommand.newCommandLine()
                    .parseArgs(all.toArray(String[]::new))
                    .subcommand();
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("driftlab " + command + " " + String.join(" ", args) + ": " + e.getMessage(), e);
        }
    }

    /** An absolute image path under /opt/driftlab/configs as the repository file it is copied from. */
    private static Path configInRepo(String imagePath) {
        assertThat(imagePath).startsWith("/opt/driftlab/configs/");
        return ROOT.resolve("configs").resolve(imagePath.substring("/opt/driftlab/configs/".length()));
    }

    // ---------------------------------------------------------------- YAML and Kubernetes objects

    @Test
    void everyYamlParsesAndEachKubernetesObjectHasItsRequiredFields() throws IOException {
        List<Path> files = yamlFiles();
        assertThat(files.stream().map(p -> DEPLOY.relativize(p).toString().replace('\\', '/')))
                .contains("docker/compose.yml", "k8s/workers.yaml", "k8s/submit-job.yaml");
        for (Path f : files) assertThat(yamlDocs(f)).as(f.toString()).isNotEmpty();
        List<Map<String, Object>> objects = k8s();
        for (Map<String, Object> o : objects) {
            assertThat((String) at(o, "apiVersion")).isNotBlank();
            assertThat((String) at(o, "kind")).isNotBlank();
            assertThat((String) at(o, "metadata", "name")).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            assertThat((Object) at(o, "spec")).isInstanceOf(Map.class);
        }
        assertThat(objects.stream().map(o -> o.get("kind") + " " + o.get("apiVersion")))
                .contains("Service v1", "StatefulSet apps/v1", "PodDisruptionBudget policy/v1", "Job batch/v1");
    }

    @Test
    void labelsSelectorsAndServiceNamesAgree() throws IOException {
        List<Map<String, Object>> objects = k8s();
        Map<String, Object> service = only(objects, "Service");
        Map<String, Object> sts = only(objects, "StatefulSet");
        Map<String, Object> pdb = only(objects, "PodDisruptionBudget");
        Map<String, Object> job = only(objects, "Job");

        assertThat((String) at(service, "spec", "clusterIP")).as("headless").isEqualTo("None");
        assertThat((Boolean) at(service, "spec", "publishNotReadyAddresses"))
                .as("seeds resolve before ready")
                .isTrue();
        assertThat((String) at(sts, "spec", "serviceName")).isEqualTo(at(service, "metadata", "name"));

        Map<String, Object> podLabels = at(sts, "spec", "template", "metadata", "labels");
        Map<String, Object> stsSelector = at(sts, "spec", "selector", "matchLabels");
        Map<String, Object> serviceSelector = at(service, "spec", "selector");
        Map<String, Object> pdbSelector = at(pdb, "spec", "selector", "matchLabels");
        assertThat(podLabels)
                .containsAllEntriesOf(stsSelector)
                .containsAllEntriesOf(serviceSelector)
                .containsAllEntriesOf(pdbSelector);
        assertThat(pdbSelector).isEqualTo(stsSelector);
        assertThat(serviceSelector).isEqualTo(stsSelector);
        // the submitting client is not a worker: the workers' Service must not select it
        Map<String, Object> jobLabels = at(job, "spec", "template", "metadata", "labels");
        assertThat(jobLabels.entrySet().containsAll(serviceSelector.entrySet())).isFalse();

        Object maxUnavailable = ((Map<?, ?>) pdb.get("spec")).get("maxUnavailable");
        assertThat(maxUnavailable).as("a PDB that allows one worker down").isEqualTo(1);
        assertThat((Integer) at(sts, "spec", "replicas")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void portsProbesAndSeedsAgreeWithTheEnvironmentTheNodeReads() throws IOException {
        List<Map<String, Object>> objects = k8s();
        Map<String, Object> service = only(objects, "Service");
        Map<String, Object> sts = only(objects, "StatefulSet");
        Map<String, Object> c = container(sts);
        LinkedHashMap<String, String> env = env(c);
        Map<String, String> image = dockerEnv();

        int port = Integer.parseInt(env.getOrDefault("DRIFTLAB_PORT", image.get("DRIFTLAB_PORT")));
        int health = Integer.parseInt(env.getOrDefault("DRIFTLAB_HEALTH_PORT", image.get("DRIFTLAB_HEALTH_PORT")));
        assertThat(namedPort(c, "remoting")).isEqualTo(port);
        assertThat(namedPort(c, "health")).isEqualTo(health);
        assertThat(env.getOrDefault("DRIFTLAB_HEALTH_BIND", image.get("DRIFTLAB_HEALTH_BIND")))
                .as("probes come from outside the pod")
                .isEqualTo("0.0.0.0");
        assertThat(env.getOrDefault("DRIFTLAB_HEALTH_ENABLED", image.get("DRIFTLAB_HEALTH_ENABLED")))
                .isIn("on", "true", "yes");

        List<Map<String, Object>> servicePorts = at(service, "spec", "ports");
        Map<String, Integer> byTarget = new LinkedHashMap<>();
        for (Map<String, Object> p : servicePorts) byTarget.put((String) p.get("targetPort"), (Integer) p.get("port"));
        assertThat(byTarget).containsEntry("remoting", port).containsEntry("health", health);

        assertThat((String) at(c, "readinessProbe", "httpGet", "path")).isEqualTo(HealthServer.READY);
        assertThat((String) at(c, "livenessProbe", "httpGet", "path")).isEqualTo(HealthServer.ALIVE);
        assertThat((Object) at(c, "readinessProbe", "httpGet", "port")).isIn("health", health);
        assertThat((Object) at(c, "livenessProbe", "httpGet", "port")).isIn("health", health);

        // $(VAR) references need VAR defined earlier in the same list (Kubernetes expands only those)
        List<String> names = new ArrayList<>(env.keySet());
        for (int i = 0; i < names.size(); i++) {
            Matcher m = ENV_REF.matcher(env.get(names.get(i)));
            while (m.find())
                assertThat(names.subList(0, i))
                        .as("$(" + m.group(1) + ") in " + names.get(i))
                        .contains(m.group(1));
        }

        String domain = "." + at(service, "metadata", "name") + ".$(POD_NAMESPACE).svc.cluster.local";
        String stsName = at(sts, "metadata", "name");
        assertThat(env.get("DRIFTLAB_HOSTNAME")).isEqualTo("$(POD_NAME)" + domain);
        assertThat(env.get("POD_NAME")).isEqualTo("fieldRef:metadata.name");
        assertThat(env.get("POD_NAMESPACE")).isEqualTo("fieldRef:metadata.namespace");
        String[] seeds = env.get("DRIFTLAB_SEEDS").split(",");
        assertThat(seeds.length).isBetween(1, (Integer) at(sts, "spec", "replicas"));
        for (int i = 0; i < seeds.length; i++) {
            assertThat(seeds[i])
                    .as("seed " + i + " is pod " + i + "'s stable DNS name")
                    .isEqualTo(stsName + "-" + i + domain + ":" + port);
        }

        for (String name : env.keySet()) {
            if (name.startsWith("DRIFTLAB_"))
                assertThat(envTheNodeReads()).as("the node reads " + name).contains(name);
        }
    }

    @Test
    void theSubmitJobReachesTheSeedsAndStoresOnItsVolume() throws IOException {
        List<Map<String, Object>> objects = k8s();
        Map<String, Object> job = only(objects, "Job");
        Map<String, Object> sts = only(objects, "StatefulSet");
        Map<String, Object> c = container(job);
        List<String> command = at(c, "command");
        assertThat(command.subList(0, 2)).containsExactly("driftlab", "submit");
        assertThat(configInRepo(command.get(2))).isRegularFile();
        LinkedHashMap<String, String> env = env(c);
        String workerPort = env(container(sts)).get("DRIFTLAB_PORT");
        List<String> seeds = List.of(env(container(sts)).get("DRIFTLAB_SEEDS").split(","));
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < command.size() - 1; i++)
            if (command.get(i).equals("--contact")) contacts.add(command.get(i + 1));
        assertThat(contacts).isNotEmpty().allSatisfy(x -> assertThat(x).endsWith(":" + workerPort));
        assertThat(seeds).containsAll(contacts);
        for (String arg : command) {
            Matcher m = ENV_REF.matcher(arg);
            while (m.find())
                assertThat(env).as("$(" + m.group(1) + ") in the command").containsKey(m.group(1));
        }
        String results = command.get(command.indexOf("--results") + 1);
        List<Map<String, Object>> mounts = at(c, "volumeMounts");
        String mountPath = (String) mounts.get(0).get("mountPath");
        assertThat(results).startsWith(mountPath + "/");
        List<Map<String, Object>> volumes = at(job, "spec", "template", "spec", "volumes");
        String claim = at(volumes.get(0), "persistentVolumeClaim", "claimName");
        assertThat(objects).anySatisfy(o -> {
            assertThat(o.get("kind")).isEqualTo("PersistentVolumeClaim");
            assertThat((String) at(o, "metadata", "name")).isEqualTo(claim);
        });
        assertThat(volumes.get(0).get("name")).isEqualTo(mounts.get(0).get("name"));

        CommandLine.ParseResult parsed = parse("submit", command.subList(2, command.size()));
        assertThat(parsed.matchedOptionValue("--contact", List.of())).isEqualTo(contacts);
    }

    /**
     * Every pod (workers and the submit job) speaks TLS with the key store, trust store and password of the
     * Secret that {@code make-certs.sh --k8s-secret} writes, mounted where the environment points; the stores
     * in that Secret open with its password and chain to its CA.
     */
    @Test
    void everyPodTakesItsTlsKeysFromTheSecretMakeCertsWrites(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        DEPLOY.resolve("tls/make-certs.sh").toString(),
                        "--k8s-secret",
                        "driftlab",
                        dir.resolve("certs").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("make-certs.log").toFile());
        builder.environment().put("DRIFTLAB_TLS_PASSWORD", "secret-" + java.util.UUID.randomUUID());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process make = builder.start();
        assertThat(make.waitFor(120, java.util.concurrent.TimeUnit.SECONDS))
                .as("make-certs finished")
                .isTrue();
        assertThat(make.exitValue())
                .as(Files.readString(dir.resolve("make-certs.log")))
                .isZero();
        Map<String, Object> secret =
                yamlDocs(dir.resolve("certs/driftlab-tls-secret.yaml")).get(0);
        assertThat(secret.get("kind")).isEqualTo("Secret");
        String secretName = at(secret, "metadata", "name");
        Map<String, String> data = at(secret, "data");
        java.util.function.Function<String, byte[]> file =
                key -> java.util.Base64.getDecoder().decode(data.get(key));

        List<Map<String, Object>> objects = k8s();
        for (Map<String, Object> workload : List.of(only(objects, "StatefulSet"), only(objects, "Job"))) {
            String name = at(workload, "metadata", "name");
            Map<String, Object> c = container(workload);
            LinkedHashMap<String, String> env = env(c);
            assertThat(env.get("DRIFTLAB_TLS_ENABLED")).as(name + " TLS").isIn("on", "true", "yes");
            // the mount of the Secret's volume
            List<Map<String, Object>> volumes = at(workload, "spec", "template", "spec", "volumes");
            String volume = volumes.stream()
                    .filter(v -> v.get("secret") instanceof Map<?, ?> m && secretName.equals(m.get("secretName")))
                    .map(v -> (String) v.get("name"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " mounts no Secret " + secretName));
            List<Map<String, Object>> mounts = at(c, "volumeMounts");
            String mountPath = mounts.stream()
                    .filter(m -> volume.equals(m.get("name")))
                    .map(m -> (String) m.get("mountPath"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " does not mount volume " + volume));
            for (String store : List.of("KEY_STORE", "TRUST_STORE")) {
                String path = env.get("DRIFTLAB_TLS_" + store);
                assertThat(path).as(name + " DRIFTLAB_TLS_" + store).startsWith(mountPath + "/");
                String key = path.substring(mountPath.length() + 1);
                assertThat(data).as(name + ": the Secret holds " + key).containsKey(key);
                String ref = env.get("DRIFTLAB_TLS_" + store + "_PASSWORD");
                assertThat(ref)
                        .as(name + " DRIFTLAB_TLS_" + store + "_PASSWORD")
                        .startsWith("secretKeyRef:" + secretName + "/");
                String password = new String(file.apply(ref.substring(ref.indexOf('/') + 1)), StandardCharsets.UTF_8);
                java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
                ks.load(new java.io.ByteArrayInputStream(file.apply(key)), password.toCharArray());
                assertThat(ks.size()).as(key + " holds entries").isPositive();
            }
            for (String var : env.keySet()) {
                if (var.startsWith("DRIFTLAB_TLS_"))
                    assertThat(envTheNodeReads()).as("the node reads " + var).contains(var);
            }
        }
    }

    // ---------------------------------------------------------------- compose

    @Test
    void composeHasASeedWorkersAndAClientThatAgreeOnNamesAndPorts() throws IOException {
        Map<String, Object> compose = yamlDocs(COMPOSE).get(0);
        Map<String, Object> services = at(compose, "services");
        assertThat(services).containsKeys("seed", "worker", "client");
        Map<String, String> image = dockerEnv();

        Map<String, Object> seedEnv = at(services, "seed", "environment");
        String seedPort = (String) seedEnv.getOrDefault("DRIFTLAB_PORT", image.get("DRIFTLAB_PORT"));
        assertThat(seedEnv.get("DRIFTLAB_HOSTNAME")).isEqualTo("seed");
        assertThat(seedEnv.get("DRIFTLAB_SEEDS"))
                .as("the seed founds the cluster")
                .isEqualTo("seed:" + seedPort);
        Map<String, Object> workerEnv = at(services, "worker", "environment");
        assertThat(workerEnv.get("DRIFTLAB_SEEDS")).isEqualTo("seed:" + seedPort);
        assertThat((Object) at(services, "worker", "depends_on", "seed", "condition"))
                .isEqualTo("service_healthy");

        for (String node : List.of("seed", "worker")) {
            Map<String, Object> env = at(services, node, "environment");
            for (Map.Entry<String, Object> e : env.entrySet()) {
                assertThat(e.getValue())
                        .as(node + " " + e.getKey() + " is a string")
                        .isInstanceOf(String.class);
                if (e.getKey().startsWith("DRIFTLAB_"))
                    assertThat(envTheNodeReads())
                            .as("the node reads " + e.getKey())
                            .contains(e.getKey());
            }
            String health = (String) env.getOrDefault("DRIFTLAB_HEALTH_PORT", image.get("DRIFTLAB_HEALTH_PORT"));
            List<String> test = at(services, node, "healthcheck", "test");
            assertThat(test).contains("http://127.0.0.1:" + health + HealthServer.READY);
        }

        List<String> entry = at(services, "client", "entrypoint");
        assertThat(entry.subList(0, 2)).containsExactly("driftlab", "submit");
        assertThat(configInRepo(entry.get(2))).isRegularFile();
        assertThat(entry.get(entry.indexOf("--contact") + 1)).isEqualTo("seed:" + seedPort);
        assertThat(entry.get(entry.indexOf("--host") + 1)).isEqualTo(at(services, "client", "hostname"));
        String results = entry.get(entry.indexOf("--results") + 1);
        List<String> volumes = at(services, "client", "volumes");
        assertThat(volumes).anySatisfy(v -> assertThat(results).startsWith(v.substring(v.indexOf(':') + 1) + "/"));
        parse("submit", entry.subList(2, entry.size()));
    }

    // ---------------------------------------------------------------- Dockerfile and launcher

    @Test
    void theDockerfileBuildsANonRootNodeImageWhoseEntrypointIsTheLauncher() throws IOException {
        assertThat(instructions("FROM")).containsExactly("eclipse-temurin:17-jre");
        assertThat(String.join(" ", instructions("RUN"))).containsPattern("apt-get install [^&]*libgfortran5");
        List<String[]> all = dockerfile();
        assertThat(all.get(all.size() - 1)[0]).isEqualTo("ENTRYPOINT");
        assertThat(instructions("ENTRYPOINT")).containsExactly("[\"driftlab\", \"node\"]");
        List<String> users = instructions("USER");
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).isNotIn("root", "0");

        String launcherText = Files.readString(LAUNCHER);
        Matcher jar = Pattern.compile("DRIFTLAB_JAR:-([^}]+)}").matcher(launcherText);
        assertThat(jar.find()).isTrue();
        assertThat(instructions("COPY"))
                .contains(
                        "modules/driftlab-cli/target/driftlab.jar " + jar.group(1),
                        "deploy/docker/driftlab.sh /usr/local/bin/driftlab",
                        "configs /opt/driftlab/configs");
        Map<String, String> env = dockerEnv();
        assertThat(instructions("EXPOSE"))
                .containsExactly(env.get("DRIFTLAB_PORT") + " " + env.get("DRIFTLAB_HEALTH_PORT"));
        for (String name : env.keySet()) {
            if (name.startsWith("DRIFTLAB_"))
                assertThat(envTheNodeReads()).as("the node reads " + name).contains(name);
        }
        // every COPY source is in the repository (or is the built jar) and passes the build context filter
        List<String> allowed = Files.readAllLines(DEPLOY.resolve("docker/Dockerfile.dockerignore")).stream()
                .filter(l -> l.startsWith("!"))
                .map(l -> l.substring(1).replaceAll("/$", ""))
                .toList();
        for (String copy : instructions("COPY")) {
            String source = copy.split(" ")[0];
            assertThat(allowed)
                    .as("Dockerfile.dockerignore lets " + source + " in")
                    .contains(source);
            if (!source.endsWith(".jar")) assertThat(ROOT.resolve(source)).exists();
        }
        // the mvn command in the header builds the jar the COPY takes (the shade plugin's finalName)
        assertThat(Files.readString(DOCKERFILE)).contains("mvn -B -DskipTests -pl modules/driftlab-cli -am package");
        assertThat(Files.readString(ROOT.resolve("modules/driftlab-cli/pom.xml")))
                .contains("<finalName>driftlab</finalName>");
    }

    /** Runs the launcher with a stand-in {@code java} that prints its arguments, one per line. */
    private static List<String> launch(Path dir, Map<String, String> env, String... args) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        List<String> cmd = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DRIFTLAB_") || k.equals("JAVA_OPTS"));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    @Test
    void theLauncherTurnsTheEnvironmentIntoNodeFlagsTheNodeCommandAccepts(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        List<String> args = launch(
                dir,
                Map.of(
                        "DRIFTLAB_HOSTNAME",
                        "w-1.example",
                        "DRIFTLAB_PORT",
                        "2600",
                        "DRIFTLAB_SEEDS",
                        "w-0.example:2600,w-1.example:2600",
                        "DRIFTLAB_ROLES",
                        "big,gpu",
                        "DRIFTLAB_JAR",
                        "/x/d.jar",
                        "JAVA_OPTS",
                        "-Xmx1g -Dfoo=1"),
                "node",
                "--debug");
        assertThat(args)
                .containsExactly(
                        "-Xmx1g",
                        "-Dfoo=1",
                        "-jar",
                        "/x/d.jar",
                        "node",
                        "--host",
                        "w-1.example",
                        "--port",
                        "2600",
                        "--seed",
                        "w-0.example:2600",
                        "--seed",
                        "w-1.example:2600",
                        "--role",
                        "big",
                        "--role",
                        "gpu",
                        "--debug");
        // alone: it founds a cluster with itself as the seed, on the default port
        List<String> alone = launch(dir, Map.of("DRIFTLAB_HOSTNAME", "solo"), "node");
        assertThat(alone)
                .containsExactly(
                        "-jar",
                        "/opt/driftlab/driftlab.jar",
                        "node",
                        "--host",
                        "solo",
                        "--port",
                        "25520",
                        "--seed",
                        "solo:25520");
        // other commands pass through untouched
        assertThat(launch(dir, Map.of(), "submit", "a b.conf", "--contact", "h:1"))
                .containsExactly("-jar", "/opt/driftlab/driftlab.jar", "submit", "a b.conf", "--contact", "h:1");

        CommandLine.ParseResult node = parse("node", args.subList(args.indexOf("node") + 1, args.size()));
        assertThat(node.matchedOptionValue("--host", "")).isEqualTo("w-1.example");
        assertThat(node.matchedOptionValue("--port", 0)).isEqualTo(2600);
        assertThat(node.matchedOptionValue("--seed", List.of()))
                .isEqualTo(List.of("w-0.example:2600", "w-1.example:2600"));
        parse("node", alone.subList(alone.indexOf("node") + 1, alone.size()));
    }
}
