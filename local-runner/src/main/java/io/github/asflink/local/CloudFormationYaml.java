package io.github.asflink.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads CloudFormation / SAM YAML: the short-form intrinsic tags ({@code !Ref X}, {@code !Sub ...}, {@code !GetAtt
 * A.B}, {@code !If [...]}, ...) become their long form ({@code {"Ref": "X"}}, {@code {"Fn::Sub": ...}}, {@code
 * {"Fn::GetAtt": ["A", "B"]}}), as CloudFormation itself reads them.
 */
final class CloudFormationYaml {
    private CloudFormationYaml() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root = new Yaml(new IntrinsicConstructor(options)).load(yaml);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the template is not a YAML mapping");
        }
        return (Map<String, Object>) map;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            // Every local tag ("!Name") lands here; getConstructor matches by prefix.
            yamlMultiConstructors.put("!", new Intrinsic());
        }

        private final class Intrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue().substring(1);
                String key = switch (name) {
                    case "Ref", "Condition" -> name;
                    default -> "Fn::" + name;
                };
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = name.equals("GetAtt") && text.contains(".")
                            ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
                            : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> intrinsic = new LinkedHashMap<>();
                intrinsic.put(key, value);
                return intrinsic;
            }
        }
    }
}
