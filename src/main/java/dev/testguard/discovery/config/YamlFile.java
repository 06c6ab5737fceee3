package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads a (multi-document) YAML file with SnakeYAML's composer and flattens every document to dotted keys
 * the way Spring Boot does ({@code a.b.c}, lists as {@code a.b[0]}), keeping the line of each key.
 */
public final class YamlFile {

    private YamlFile() {
    }

    public static ConfigFile read(Path path) {
        return parse(path, PropertiesFile.readText(path));
    }

    public static ConfigFile parse(Path path, String text) {
        List<ConfigDocument> documents = new ArrayList<>();
        try {
            Yaml yaml = new Yaml(loaderOptions());
            for (Node root : yaml.composeAll(new StringReader(text))) {
                List<ConfigEntry> entries = new ArrayList<>();
                if (root != null) {
                    new Flattener(path, entries).flatten("", root, lineOf(root), 0);
                }
                documents.add(new ConfigDocument(entries));
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? path.toString() : path + ":" + (mark.getLine() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
            throw new ConfigFileException(where + ": broken YAML (" + problem.trim()
                    + "). Fix the file so that YAML tools can read it.");
        } catch (YAMLException e) {
            throw new ConfigFileException(path + ": " + describe(firstLine(e.getMessage())));
        }
        return new ConfigFile(path, documents);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(ConfigLimits.MAX_YAML_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(ConfigLimits.MAX_YAML_NESTING);
        options.setCodePointLimit((int) ConfigLimits.MAX_FILE_BYTES);
        return options;
    }

    /** SnakeYAML's limit messages, said for people: which bound, and that the file is refused rather than broken. */
    private static String describe(String problem) {
        if (problem.startsWith("Number of aliases")) {
            return "refused, more than " + ConfigLimits.MAX_YAML_ALIASES + " aliases (*name) of lists or maps"
                    + " (an alias bomb?). Write the values out instead of aliasing them.";
        }
        if (problem.startsWith("Nesting Depth exceeded")) {
            return "refused, lists and maps nest deeper than " + ConfigLimits.MAX_YAML_NESTING + " levels.";
        }
        if (problem.startsWith("The incoming YAML document exceeds the limit")) {
            return "refused, the file is larger than " + (ConfigLimits.MAX_FILE_BYTES >> 20) + " MiB.";
        }
        return "broken YAML (" + problem + "). Fix the file so that YAML tools can read it.";
    }

    /** Flattens one document, expanding aliases within bounds: an alias bomb or a self-reference is refused. */
    private static final class Flattener {
        private final Path path;
        private final List<ConfigEntry> out;
        private final Set<Node> onPath = Collections.newSetFromMap(new IdentityHashMap<>());
        private int visited;

        Flattener(Path path, List<ConfigEntry> out) {
            this.path = path;
            this.out = out;
        }

        void flatten(String prefix, Node node, int line, int depth) {
            enter(node, prefix, line, depth);
            if (node instanceof MappingNode mapping) {
                mapping(prefix, mapping, line, depth);
            } else if (node instanceof SequenceNode sequence) {
                sequence(prefix, sequence, line, depth);
            } else if (node instanceof ScalarNode scalar && !prefix.isEmpty()) {
                String value = scalar.getTag().equals(Tag.NULL) ? "" : scalar.getValue();
                out.add(new ConfigEntry(prefix, value, line));
            }
            onPath.remove(node);
        }

        private void enter(Node node, String prefix, int line, int depth) {
            String where = path + ":" + line + ": refused, ";
            if (node instanceof ScalarNode) {
                // scalars cannot hold aliases: only the budget applies
            } else if (!onPath.add(node)) {
                throw new ConfigFileException(where + "'" + prefix + "' refers to itself through an alias ("
                        + anchorOf(node) + "), so it never ends. Remove the self-reference.");
            }
            if (++visited > ConfigLimits.MAX_EXPANDED_NODES) {
                throw new ConfigFileException(where + "its aliases expand to more than " + ConfigLimits.MAX_EXPANDED_NODES
                        + " keys and list items (an alias bomb?). Write the values out instead of aliasing them.");
            }
            if (depth > ConfigLimits.MAX_EXPANDED_DEPTH) {
                throw new ConfigFileException(where + "'" + prefix + "' nests deeper than "
                        + ConfigLimits.MAX_EXPANDED_DEPTH + " levels once aliases are expanded.");
            }
        }

        private void mapping(String prefix, MappingNode mapping, int line, int depth) {
            if (mapping.getValue().isEmpty() && !prefix.isEmpty()) {
                out.add(new ConfigEntry(prefix, "", line));
            }
            // merged (<<) entries first, so that keys written in the mapping itself override them
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                    merge(prefix, tuple.getValueNode(), depth);
                }
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    continue;
                }
                String key = keyNode instanceof ScalarNode s ? s.getValue() : "?";
                String full = prefix.isEmpty() ? key : prefix + "." + key;
                flatten(full, tuple.getValueNode(), lineOf(keyNode), depth + 1);
            }
        }

        private void sequence(String prefix, SequenceNode sequence, int line, int depth) {
            if (sequence.getValue().isEmpty() && !prefix.isEmpty()) {
                out.add(new ConfigEntry(prefix, "", line));
            }
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                flatten(prefix + "[" + i + "]", items.get(i), lineOf(items.get(i)), depth + 1);
            }
        }

        private void merge(String prefix, Node value, int depth) {
            if (value instanceof SequenceNode seq) {
                for (Node n : seq.getValue()) {
                    flatten(prefix, n, lineOf(n), depth + 1);
                }
            } else {
                flatten(prefix, value, lineOf(value), depth + 1);
            }
        }

        private static String anchorOf(Node node) {
            return node.getAnchor() == null ? "an anchor" : "&" + node.getAnchor();
        }
    }

    private static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid YAML";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
