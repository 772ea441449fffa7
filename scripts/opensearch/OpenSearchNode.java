/*
 * One throw-away OpenSearch node per JVM, for the test suite (tests/cluster/opensearch.py).
 * Run in Java's single-file source mode on the classpath that scripts/opensearch/pom.xml
 * resolves:
 *
 *   java -Xms512m -Xmx512m -cp "$(cat CLASSPATH_FILE)" scripts/opensearch/OpenSearchNode.java \
 *     --cluster-name kb-test --node-name node-1 --http-port 9200 --transport-port 9300 \
 *     --seed-hosts 127.0.0.1:9300,127.0.0.1:9301,127.0.0.1:9302 \
 *     --initial-cluster-managers node-1,node-2,node-3 --data var/opensearch/x/node-1
 *
 * Bound to 127.0.0.1 only, no security plugin, disk watermarks off. The plugins (HTTP/transport
 * over Netty 4, analysis-common, lang-mustache, lang-painless) are loaded from the classpath, as
 * OpenSearch's own MockNode does, through Node's protected constructor. With at most one name in
 * --initial-cluster-managers the node runs with discovery.type: single-node.
 *
 * --data DIR holds everything: DIR/config (a log4j2.properties written here: the log goes to
 * standard output), DIR/data, DIR/logs. Other options: --setting key=value (repeatable; added to
 * or overriding the node's settings) and --watch-stdin (stop when standard input reaches end of
 * file, i.e. when the process that started the node has gone, however it died).
 *
 * SIGTERM (or Ctrl-C) closes the node cleanly; SIGKILL simply ends the process, as a lost node.
 */

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.script.mustache.MustachePlugin;
import org.opensearch.transport.Netty4Plugin;

public class OpenSearchNode {

    static final List<Class<? extends Plugin>> PLUGINS =
        List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, MustachePlugin.class, PainlessPlugin.class);

    static final String LOG4J2 = String.join("\n",
        "status = error",
        "appender.console.type = Console",
        "appender.console.name = console",
        "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n",
        "rootLogger.level = info",
        "rootLogger.appenderRef.console.ref = console",
        // Deprecation warnings still reach the client as Warning headers; not the log.
        "logger.deprecation.name = org.opensearch.deprecation",
        "logger.deprecation.level = error",
        "");

    /** The node, through the constructor that takes classpath plugins (as MockNode does). */
    static class ClasspathPluginsNode extends Node {
        ClasspathPluginsNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        List<String> extra = new ArrayList<>();
        boolean watchStdin = false;
        for (int i = 0; i < argv.length; i++) {
            String name = argv[i];
            if (name.equals("--watch-stdin")) {
                watchStdin = true;
            } else if (name.startsWith("--") && i + 1 < argv.length) {
                String value = argv[++i];
                if (name.equals("--setting")) extra.add(value);
                else args.put(name.substring(2), value);
            } else {
                usage("unexpected argument " + name);
            }
        }
        for (String required : List.of("http-port", "transport-port", "data")) {
            if (!args.containsKey(required)) usage("--" + required + " is required");
        }
        String clusterName = args.getOrDefault("cluster-name", "kb-test");
        String nodeName = args.getOrDefault("node-name", "node-1");
        List<String> managers = split(args.getOrDefault("initial-cluster-managers", ""));
        List<String> seeds = split(args.getOrDefault("seed-hosts", ""));
        Path home = Paths.get(args.get("data")).toAbsolutePath().normalize();

        // What the distribution's jvm.options sets; read when those classes first load.
        System.setProperty("io.netty.noUnsafe", "true");
        System.setProperty("io.netty.noKeySetOptimization", "true");
        System.setProperty("io.netty.recycler.maxCapacityPerThread", "0");
        System.setProperty("log4j.shutdownHookEnabled", "false");
        System.setProperty("log4j2.disable.jmx", "true");
        System.setProperty("jna.nosys", "true");

        Path config = home.resolve("config");
        for (String dir : List.of("config", "data", "logs", "plugins", "modules")) {
            Files.createDirectories(home.resolve(dir));
        }
        Files.writeString(config.resolve("log4j2.properties"), LOG4J2, StandardCharsets.UTF_8);

        Settings.Builder settings = Settings.builder()
            .put("cluster.name", clusterName)
            .put("node.name", nodeName)
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", args.get("http-port"))
            .put("transport.port", args.get("transport-port"))
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // A small heap: the real-memory circuit breaker would refuse requests under GC lag.
            .put("indices.breaker.total.use_real_memory", false);
        if (managers.size() <= 1) {
            settings.put("discovery.type", "single-node");
        } else {
            settings.putList("discovery.seed_hosts", seeds);
            settings.putList("cluster.initial_cluster_manager_nodes", managers);
        }
        for (String pair : extra) {
            int eq = pair.indexOf('=');
            if (eq <= 0) usage("--setting wants key=value, not " + pair);
            settings.put(pair.substring(0, eq), pair.substring(eq + 1));
        }

        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings.build(), Collections.emptyMap(), config, () -> nodeName);
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(nodeName);
        LogConfigurator.configure(environment);

        Node node = new ClasspathPluginsNode(environment, PLUGINS);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
                LoggerContext context = (LoggerContext) LogManager.getContext(false);
                Configurator.shutdown(context);
            }
        }, "opensearch-node-shutdown"));

        node.start();
        LogManager.getLogger(OpenSearchNode.class).info(
            "OpenSearch {} node [{}] of cluster [{}] started: http://127.0.0.1:{} (transport {}), {}",
            Version.CURRENT, nodeName, clusterName, args.get("http-port"), args.get("transport-port"),
            managers.size() <= 1 ? "single-node" : "cluster managers " + managers);

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try {
                    InputStream in = System.in;
                    byte[] buffer = new byte[256];
                    while (in.read(buffer) >= 0) { /* anything written is ignored */ }
                } catch (IOException ignored) {
                    // a closed or broken stdin means the same: the parent is gone
                }
                System.err.println("standard input closed: stopping the node");
                System.exit(0);
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }
        closed.await(); // a non-daemon thread keeps the JVM up until the shutdown hook has run
    }

    static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            if (!part.isBlank()) out.add(part.trim());
        }
        return out;
    }

    static void usage(String problem) {
        System.err.println("OpenSearchNode: " + problem);
        System.err.println("usage: java -cp CLASSPATH OpenSearchNode.java --http-port P --transport-port T"
            + " --data DIR [--cluster-name X] [--node-name N] [--seed-hosts H:T,...]"
            + " [--initial-cluster-managers N1,N2,...] [--setting key=value]... [--watch-stdin]");
        System.exit(2);
    }
}
