package io.flowpack.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the models bundled on the class path as {@code flowpack/models/<name>/manifest.json}: the names listed in
 * every {@code flowpack/models/index.txt}, plus the folders found by listing {@code flowpack/models/} in class
 * folders and jars. The index keeps discovery working under class loaders that cannot list (a test checks that
 * it names every bundled folder).
 */
public final class BundledModels {
    public static final String ROOT = "flowpack/models/";
    public static final String INDEX = ROOT + "index.txt";

    private BundledModels() {
    }

    /** The resource path of a bundled model's manifest. */
    public static String manifestResource(String name) {
        return ROOT + name + "/" + ModelManifest.FILE_NAME;
    }

    /** Names from the index files and from listing; sorted. */
    public static Set<String> names(ClassLoader loader) throws IOException {
        Set<String> names = new TreeSet<>(indexed(loader));
        names.addAll(listed(loader));
        return names;
    }

    /** The names in every {@code index.txt} on the class path (blank lines and {@code #} comments skipped). */
    public static Set<String> indexed(ClassLoader loader) throws IOException {
        Set<String> names = new TreeSet<>();
        Enumeration<URL> indexes = loader.getResources(INDEX);
        while (indexes.hasMoreElements()) {
            try (InputStream in = indexes.nextElement().openStream();
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            }
        }
        return names;
    }

    /**
     * The model folders (those holding a manifest) found by listing class folders and jars: those with a
     * {@code flowpack/models/} directory entry, and those holding an index file.
     */
    public static Set<String> listed(ClassLoader loader) throws IOException {
        Set<String> names = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (String resource : new String[]{ROOT, INDEX}) {
            Enumeration<URL> found = loader.getResources(resource);
            while (found.hasMoreElements()) {
                URL url = found.nextElement();
                if ("file".equals(url.getProtocol())) {
                    URL folder = resource.equals(ROOT) ? url : new URL(url, ".");
                    if (seen.add(folder.toString())) {
                        listFolder(folder, names);
                    }
                } else {
                    listJar(url, seen, names);
                }
            }
        }
        return names;
    }

    private static void listFolder(URL root, Set<String> names) throws IOException {
        Path folder;
        try {
            folder = Path.of(root.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return;
        }
        try (Stream<Path> children = Files.list(folder)) {
            children.filter(child -> Files.isRegularFile(child.resolve(ModelManifest.FILE_NAME)))
                    .forEach(child -> names.add(child.getFileName().toString()));
        }
    }

    /** Lists the jar that holds {@code entry} (an entry that exists, so the connection opens). */
    private static void listJar(URL entry, Set<String> seen, Set<String> names) throws IOException {
        URLConnection connection = entry.openConnection();
        if (!(connection instanceof JarURLConnection jar) || !seen.add(jar.getJarFileURL().toString())) {
            return;
        }
        connection.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String path = entries.nextElement().getName();
                if (path.startsWith(ROOT) && path.endsWith("/" + ModelManifest.FILE_NAME)) {
                    String name = path.substring(ROOT.length(), path.length() - ModelManifest.FILE_NAME.length() - 1);
                    if (!name.isEmpty() && !name.contains("/")) {
                        names.add(name);
                    }
                }
            }
        }
    }
}
