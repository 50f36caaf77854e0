package org.driftlab.core.spec;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Resolves a config file's {@code include} statements strictly, replacing Typesafe Config's default includer,
 * which skips a missing file silently, takes absolute paths, URLs and classpath resources, and loops on nothing
 * but its own depth limit. Here every include is required: a missing, unreadable or unparsable file, a cycle
 * (a file that includes itself, directly or not) and, unless {@link Sources#ANY} is asked for, an absolute
 * path, a {@code url(...)} or a {@code classpath(...)} are each a {@link ConfigException} located at the
 * including file and line, so the loader reports them as one problem of that file. Relative paths resolve
 * against the including file's directory ({@code ../shared.conf} is fine).
 */
public final class StrictIncluder
        implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {
    /** Where includes may come from. */
    public enum Sources {
        /** Files named by a relative path, beside the including file or below or above it. */
        RELATIVE_FILES,
        /** Also absolute paths, URLs and classpath resources (still required, still without cycles). */
        ANY
    }

    private static final Pattern URL_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

    private final Path file;
    private final List<Path> chain;
    private final Sources sources;
    private final List<Path> included;
    private List<String> lines;

    private StrictIncluder(Path file, List<Path> chain, Sources sources, List<Path> included) {
        this.file = file;
        this.chain = chain;
        this.sources = sources;
        this.included = included;
    }

    /** Parse options for {@code file} (HOCON, required) whose includes resolve through a strict includer. */
    public static ConfigParseOptions options(Path file, Sources sources) {
        return options(file, List.of(realOrNormal(file)), sources, new ArrayList<>());
    }

    /**
     * The files {@code file} includes, directly or not, in the order they are met (a file included twice is
     * listed twice): inputs of a command as much as the config itself. Throws as loading it does.
     */
    public static List<Path> filesIncludedBy(Path file, Sources sources) {
        List<Path> included = new ArrayList<>();
        ConfigFactory.parseFile(file.toFile(), options(file, List.of(realOrNormal(file)), sources, included));
        return List.copyOf(included);
    }

    private static ConfigParseOptions options(Path file, List<Path> chain, Sources sources, List<Path> included) {
        return ConfigParseOptions.defaults()
                .setSyntax(ConfigSyntax.CONF)
                .setAllowMissing(false)
                .setIncluder(new StrictIncluder(file, chain, sources, included));
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
        return this; // no fallback: what this includer refuses stays refused
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        if (URL_LIKE.matcher(what).matches())
            return other(what, "a URL", () -> ConfigFactory.parseURL(new URL(what), plain())
                    .root());
        return file(what);
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File what) {
        return file(what.getPath());
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
        return other(what.toString(), "a URL", () -> ConfigFactory.parseURL(what, plain())
                .root());
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
        return other(what, "a classpath resource", () -> ConfigFactory.parseResourcesAnySyntax(what, plain())
                .root());
    }

    private ConfigObject file(String name) {
        Path named = Path.of(name);
        if (named.isAbsolute() && sources != Sources.ANY) {
            throw problem(
                    name,
                    "an absolute path; only files named relative to the including file are included "
                            + "(--any-include allows others)");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path target =
                named.isAbsolute() ? named.normalize() : dir.resolve(named).normalize();
        if (Files.isDirectory(target)) throw problem(name, target + " is a directory, not a config file");
        if (!Files.isRegularFile(target)) throw problem(name, "no such file (" + target + ")");
        if (!Files.isReadable(target)) throw problem(name, "cannot read " + target + " (permission denied)");
        Path real = realOrNormal(target);
        if (chain.contains(real)) {
            StringBuilder cycle = new StringBuilder();
            for (Path p : chain.subList(chain.indexOf(real), chain.size()))
                cycle.append(p.getFileName()).append(" -> ");
            throw problem(name, "an include cycle (" + cycle + real.getFileName() + ")");
        }
        List<Path> deeper = new ArrayList<>(chain);
        deeper.add(real);
        Path shown = file.getParent() == null
                ? named
                : file.getParent().resolve(named).normalize();
        included.add(shown);
        try {
            return ConfigFactory.parseFile(shown.toFile(), options(shown, List.copyOf(deeper), sources, included))
                    .root();
        } catch (ConfigException e) {
            throw problem(name, String.valueOf(e.getMessage()));
        }
    }

    /** A parser of a non-file source, run only when {@link Sources#ANY} allows it. */
    @FunctionalInterface
    private interface Source {
        ConfigObject parse() throws IOException;
    }

    private ConfigObject other(String name, String kind, Source source) {
        if (sources != Sources.ANY) {
            throw problem(
                    name,
                    kind + "; only files named relative to the including file are included (--any-include allows it)");
        }
        try {
            return source.parse();
        } catch (IOException | ConfigException e) {
            throw problem(name, String.valueOf(e.getMessage()));
        }
    }

    private static ConfigParseOptions plain() {
        return ConfigParseOptions.defaults().setAllowMissing(false);
    }

    /** A problem located at this file's include statement of {@code name}. */
    private ConfigException problem(String name, String message) {
        return new ConfigException.Parse(
                ConfigOriginFactory.newFile(file.toString()).withLineNumber(lineOf(name)),
                "include \"" + name + "\": " + message);
    }

    /** The 1-based line of the first include statement naming {@code name}; 0 when it cannot be found. */
    private int lineOf(String name) {
        if (lines == null) {
            try {
                lines = Files.readAllLines(file);
            } catch (IOException | RuntimeException e) {
                lines = List.of(); // the line is a courtesy: the problem is reported without it
            }
        }
        Pattern statement = Pattern.compile("\\binclude\\b.*\"" + Pattern.quote(name) + "\"");
        for (int i = 0; i < lines.size(); i++)
            if (statement.matcher(lines.get(i)).find()) return i + 1;
        return 0;
    }

    private static Path realOrNormal(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
