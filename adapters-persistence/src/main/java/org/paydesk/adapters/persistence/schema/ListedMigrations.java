package org.paydesk.adapters.persistence.schema;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Migration scripts named in a fixed list and read with the class loader, for when class-path scanning cannot
 * list a folder (an unusual virtual file system). Reading one named resource works wherever the jar is.
 */
final class ListedMigrations implements ResourceProvider {

    private final ClassLoader classLoader;
    private final String location;
    private final List<String> names;

    ListedMigrations(ClassLoader classLoader, String location, List<String> names) {
        this.classLoader = classLoader;
        this.location = location;
        this.names = List.copyOf(names);
    }

    @Override
    public LoadableResource getResource(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return names.contains(fileName) && exists(fileName) ? new Script(fileName) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return names.stream()
                .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                .filter(this::exists) // a listed script that is missing must not pass for one that was found
                .<LoadableResource>map(Script::new)
                .toList();
    }

    private boolean exists(String fileName) {
        return classLoader.getResource(location + "/" + fileName) != null;
    }

    private final class Script extends LoadableResource {

        private final String fileName;

        Script(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public Reader read() {
            InputStream in = classLoader.getResourceAsStream(getAbsolutePath());
            if (in == null) {
                throw new UncheckedIOException(new FileNotFoundException("listed migration " + getAbsolutePath()
                        + " is not on the class path"));
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return location + "/" + fileName;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public String getRelativePath() {
            // As the class-path scanner reports it, so the history table cannot tell the two ways apart.
            return fileName;
        }
    }
}
