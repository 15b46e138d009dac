package io.flowpack.comfy.runner;

import io.flowpack.comfy.graph.NodeEnvironment;
import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.imaging.ImageLimits;
import jakarta.servlet.MultipartConfigElement;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * flowpack's ComfyUI-compatible server. {@link #start} binds the port, starts the worker and returns; {@link #close}
 * stops both. ComfyUI itself has no authentication: this runner refuses a non-loopback address unless a token is set.
 */
public final class ComfyRunner implements AutoCloseable {

    private static final long HEARTBEAT_MS = 5_000;

    private final Tomcat tomcat;
    private final Path tomcatBase;
    private final RunnerCore core;
    private final PromptWorker worker;
    private final Thread workerThread;
    private final int port;
    private final ScheduledExecutorService heartbeat;

    private ComfyRunner(Tomcat tomcat, Path tomcatBase, RunnerCore core, PromptWorker worker, Thread workerThread, int port) {
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "comfy-runner-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(() -> core.heartbeat(HEARTBEAT_MS), 1000, 1000,
                TimeUnit.MILLISECONDS);
        this.tomcat = tomcat;
        this.tomcatBase = tomcatBase;
        this.core = core;
        this.worker = worker;
        this.workerThread = workerThread;
        this.port = port;
    }

    /** Starts a runner with the given nodes; throws when the address or port cannot be used. */
    public static ComfyRunner start(RunnerSettings settings, NodeRegistry registry) throws IOException {
        return start(settings, registry, ImageLimits.DEFAULT);
    }

    public static ComfyRunner start(RunnerSettings given, NodeRegistry registry, ImageLimits imageLimits)
            throws IOException {
        RunnerSettings settings = absolute(given);
        if (settings.token() == null && !InetAddress.getByName(settings.host()).isLoopbackAddress()) {
            throw new IllegalStateException("refusing to listen on " + settings.host()
                    + " without a token: ComfyUI's protocol has no authentication, so a runner on a non-loopback "
                    + "address needs flowpack.comfy.runner.token");
        }
        for (Path folder : new Path[]{settings.inputDirectory(), settings.outputDirectory(), settings.tempDirectory(),
                settings.userDirectory()}) {
            Files.createDirectories(folder);
        }
        emptyFolder(settings.tempDirectory());
        if (registry.find(SaveImageWebsocketNode.CLASS).isEmpty()) {
            registry.register(new SaveImageWebsocketNode());
        }
        NodeEnvironment environment = new NodeEnvironment(settings.inputDirectory(), settings.outputDirectory(),
                settings.tempDirectory(), imageLimits);
        RunnerCore core = new RunnerCore(settings, registry, environment);
        Path tomcatBase = Files.createTempDirectory("flowpack-comfy-runner");
        Tomcat tomcat = tomcat(settings, core, tomcatBase);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            destroy(tomcat, tomcatBase);
            throw new IOException("the graph runner could not start on " + settings.host() + ":" + settings.port(), e);
        }
        int port = tomcat.getConnector().getLocalPort();
        if (port <= 0) {
            destroy(tomcat, tomcatBase);
            throw new IOException("the graph runner could not bind " + settings.host() + ":" + settings.port());
        }
        PromptWorker worker = new PromptWorker(core);
        Thread thread = new Thread(worker, "comfy-runner-worker");
        thread.setDaemon(true);
        thread.start();
        return new ComfyRunner(tomcat, tomcatBase, core, worker, thread, port);
    }

    private static Tomcat tomcat(RunnerSettings settings, RunnerCore core, Path base) {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(settings.port());
        connector.setProperty("address", settings.host());
        connector.setProperty("bindOnInit", "true");
        connector.setProperty("tcpNoDelay", "true");
        connector.setProperty("relaxedQueryChars", "[]|{}^\\`\"<>");
        connector.setEncodedSolidusHandling("passthrough");
        connector.setThrowOnFailure(true);
        tomcat.setConnector(connector);
        tomcat.getHost().setAutoDeploy(false);
        Context context = tomcat.addContext("", base.toString());
        if (context instanceof StandardContext standard) { // nothing is redeployed, so no leak checks at stop
            standard.setClearReferencesRmiTargets(false);
            standard.setClearReferencesThreadLocals(false);
            standard.setClearReferencesObjectStreamClassCaches(false);
        }
        context.getPipeline().addValve(new AccessValve(settings.token()));
        Router router = new Router();
        new PromptRoutes(core).register(router);
        new ViewRoute(core).register(router);
        new UploadRoutes(core).register(router);
        new InfoRoutes(core).register(router);
        new UserRoutes(core).register(router);
        new JobRoutes(core).register(router);
        Wrapper servlet = Tomcat.addServlet(context, "comfy", new RunnerServlet(router, new StaticFrontEnd(settings.frontEndRoot())));
        servlet.setMultipartConfigElement(new MultipartConfigElement(base.toString(), settings.maxUploadBytes(),
                settings.maxUploadBytes(), 1024 * 1024));
        context.addServletMappingDecoded("/", "comfy");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            for (String path : new String[]{"/ws", "/api/ws"}) {
                try {
                    container.addEndpoint(ServerEndpointConfig.Builder.create(ComfySocket.class, path)
                            .configurator(new ServerEndpointConfig.Configurator() {
                                @Override
                                @SuppressWarnings("unchecked")
                                public <T> T getEndpointInstance(Class<T> endpointClass) {
                                    return (T) new ComfySocket(core);
                                }
                            }).build());
                } catch (jakarta.websocket.DeploymentException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, null);
        return tomcat;
    }

    /** The bound port (the free port chosen when the settings said 0). */
    public int port() {
        return port;
    }

    /** {@code http://host:port}. */
    public String url() {
        String host = core.settings().host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public RunnerSettings settings() {
        return core.settings();
    }

    /** Prompts queued or running. */
    public int queueRemaining() {
        return core.queue().remaining();
    }

    /**
     * Stops like a ComfyUI process that goes away: sockets and HTTP close first, then the running prompt is
     * interrupted, so a client never hears of it from a dying server and can tell a lost prompt by its absence
     * from the next server's queue and history.
     */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        core.sessions().closeAll();
        destroy(tomcat, tomcatBase);
        worker.stop();
        try {
            workerThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void destroy(Tomcat tomcat, Path base) {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            // stopping is best effort; the port is released with the connector
        }
        emptyFolder(base);
        try {
            Files.deleteIfExists(base);
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    private static RunnerSettings absolute(RunnerSettings s) {
        return new RunnerSettings(s.host(), s.port(), abs(s.inputDirectory()), abs(s.outputDirectory()),
                abs(s.tempDirectory()), abs(s.userDirectory()), s.frontEndRoot() == null ? null : abs(s.frontEndRoot()),
                s.token(), s.maxUploadBytes(), s.maxHistory());
    }

    private static Path abs(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static void emptyFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(folder)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a file that cannot be removed stays; the folder is still usable
        }
    }
}
