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
import java.util.List;

/**
 * Reads a (multi-document) YAML file with SnakeYAML's composer and flattens every document to dotted keys
 * the way Spring Boot does ({@code a.b.c}, lists as {@code a.b[0]}), keeping the line of each key.
 */
public final class YamlFile {

    private static final int MAX_DEPTH = 100;

    private YamlFile() {
    }

    public static ConfigFile read(Path path) {
        return parse(path, PropertiesFile.readText(path));
    }

    public static ConfigFile parse(Path path, String text) {
        List<ConfigDocument> documents = new ArrayList<>();
        try {
            Yaml yaml = new Yaml(new LoaderOptions());
            for (Node root : yaml.composeAll(new StringReader(text))) {
                List<ConfigEntry> entries = new ArrayList<>();
                if (root != null) {
                    flatten("", root, lineOf(root), entries, 0);
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
            throw new ConfigFileException(path + ": broken YAML (" + firstLine(e.getMessage())
                    + "). Fix the file so that YAML tools can read it.");
        }
        return new ConfigFile(path, documents);
    }

    private static void flatten(String prefix, Node node, int line, List<ConfigEntry> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            if (mapping.getValue().isEmpty() && !prefix.isEmpty()) {
                out.add(new ConfigEntry(prefix, "", line));
            }
            // merged (<<) entries first, so that keys written in the mapping itself override them
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                    flattenMerge(prefix, tuple.getValueNode(), out, depth);
                }
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Node valueNode = tuple.getValueNode();
                if (keyNode.getTag().equals(Tag.MERGE)) {
                    continue;
                }
                String key = keyNode instanceof ScalarNode s ? s.getValue() : String.valueOf(keyNode);
                String full = prefix.isEmpty() ? key : prefix + "." + key;
                flatten(full, valueNode, lineOf(keyNode), out, depth + 1);
            }
        } else if (node instanceof SequenceNode sequence) {
            if (sequence.getValue().isEmpty() && !prefix.isEmpty()) {
                out.add(new ConfigEntry(prefix, "", line));
            }
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                flatten(prefix + "[" + i + "]", items.get(i), lineOf(items.get(i)), out, depth + 1);
            }
        } else if (node instanceof ScalarNode scalar && !prefix.isEmpty()) {
            String value = scalar.getTag().equals(Tag.NULL) ? "" : scalar.getValue();
            out.add(new ConfigEntry(prefix, value, line));
        }
    }

    private static void flattenMerge(String prefix, Node value, List<ConfigEntry> out, int depth) {
        if (value instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                flatten(prefix, n, lineOf(n), out, depth + 1);
            }
        } else {
            flatten(prefix, value, lineOf(value), out, depth + 1);
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
