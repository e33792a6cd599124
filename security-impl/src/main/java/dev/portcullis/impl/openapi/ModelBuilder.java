package dev.portcullis.impl.openapi;

import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Turns an OpenAPI 3.0 document (JSON) into the MicroProfile OpenAPI model, through {@link
 * OASFactory} so that the objects are the server's own. MicroProfile OpenAPI has no parser, and the
 * server's static-file mechanism ({@code META-INF/openapi.*}) is the application's, so Portcullis
 * reads its document itself. Strict: a key it does not know fails ({@link Node#done()}), so nothing
 * written in the document is silently left out of the served one.
 */
final class ModelBuilder {

  private ModelBuilder() {}

  /**
   * The model of {@code document}.
   *
   * @throws IllegalArgumentException naming the place of a key or value it cannot take
   */
  static OpenAPI openApi(JsonObject document) {
    Node root = new Node(document, "#");
    OpenAPI api = OASFactory.createOpenAPI();
    root.string("openapi").ifPresent(api::setOpenapi);
    root.object("info").map(ModelBuilder::info).ifPresent(api::setInfo);
    api.setPaths(root.object("paths").map(ModelBuilder::paths).orElseGet(OASFactory::createPaths));
    root.object("components").map(ModelBuilder::components).ifPresent(api::setComponents);
    root.objects("security")
        .forEach(requirement -> api.addSecurityRequirement(security(requirement)));
    root.objects("tags").forEach(tag -> api.addTag(tag(tag)));
    root.finish(api::addExtension);
    return api;
  }

  /** The enum constant whose OpenAPI spelling ({@code toString()}) is {@code text}. */
  static <E extends Enum<E>> E named(Class<E> type, String text, Node node) {
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> constant.toString().equals(text))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("'" + text + "' at " + node.at() + " is unknown"));
  }

  private static Info info(Node node) {
    Info info = OASFactory.createInfo();
    node.string("title").ifPresent(info::setTitle);
    node.string("version").ifPresent(info::setVersion);
    node.string("description").ifPresent(info::setDescription);
    node.finish(info::addExtension);
    return info;
  }

  private static Paths paths(Node node) {
    Paths paths = OASFactory.createPaths();
    node.allMembers().forEach((path, item) -> paths.addPathItem(path, pathItem(item)));
    node.finish(paths::addExtension);
    return paths;
  }

  private static PathItem pathItem(Node node) {
    PathItem item = OASFactory.createPathItem();
    node.string("summary").ifPresent(item::setSummary);
    node.string("description").ifPresent(item::setDescription);
    node.objects("parameters")
        .forEach(parameter -> item.addParameter(PartBuilder.parameter(parameter)));
    for (PathItem.HttpMethod method : PathItem.HttpMethod.values()) {
      node.object(method.name().toLowerCase(Locale.ROOT))
          .ifPresent(operation -> item.setOperation(method, operation(operation)));
    }
    node.finish(item::addExtension);
    return item;
  }

  private static Operation operation(Node node) {
    Operation operation = OASFactory.createOperation();
    node.strings("tags").ifPresent(operation::setTags);
    node.string("summary").ifPresent(operation::setSummary);
    node.string("description").ifPresent(operation::setDescription);
    node.string("operationId").ifPresent(operation::setOperationId);
    node.bool("deprecated").ifPresent(operation::setDeprecated);
    node.objects("parameters").forEach(p -> operation.addParameter(PartBuilder.parameter(p)));
    node.object("requestBody").map(PartBuilder::requestBody).ifPresent(operation::setRequestBody);
    node.object("responses").map(PartBuilder::responses).ifPresent(operation::setResponses);
    if (node.has("security")) {
      List<SecurityRequirement> security =
          node.objects("security").stream().map(ModelBuilder::security).toList();
      operation.setSecurity(security);
    }
    node.finish(operation::addExtension);
    return operation;
  }

  private static Components components(Node node) {
    Components components = OASFactory.createComponents();
    node.members("schemas")
        .forEach((name, schema) -> components.addSchema(name, SchemaBuilder.schema(schema)));
    node.members("responses")
        .forEach((name, response) -> components.addResponse(name, PartBuilder.response(response)));
    node.members("parameters")
        .forEach(
            (name, parameter) -> components.addParameter(name, PartBuilder.parameter(parameter)));
    node.members("requestBodies")
        .forEach((name, body) -> components.addRequestBody(name, PartBuilder.requestBody(body)));
    node.members("headers")
        .forEach((name, header) -> components.addHeader(name, PartBuilder.header(header)));
    node.members("securitySchemes")
        .forEach((name, scheme) -> components.addSecurityScheme(name, securityScheme(scheme)));
    node.finish(components::addExtension);
    return components;
  }

  private static SecurityScheme securityScheme(Node node) {
    SecurityScheme scheme = OASFactory.createSecurityScheme();
    if (node.reference(scheme::setRef)) {
      return scheme;
    }
    node.string("type")
        .map(type -> named(SecurityScheme.Type.class, type, node))
        .ifPresent(scheme::setType);
    node.string("description").ifPresent(scheme::setDescription);
    node.string("name").ifPresent(scheme::setName);
    node.string("in").map(in -> named(SecurityScheme.In.class, in, node)).ifPresent(scheme::setIn);
    node.string("scheme").ifPresent(scheme::setScheme);
    node.string("bearerFormat").ifPresent(scheme::setBearerFormat);
    node.finish(scheme::addExtension);
    return scheme;
  }

  /** Scheme names with their scopes; every scheme of one requirement is needed together. */
  private static SecurityRequirement security(Node node) {
    SecurityRequirement requirement = OASFactory.createSecurityRequirement();
    for (String scheme : node.names()) {
      requirement.addScheme(scheme, node.strings(scheme).orElseThrow());
    }
    node.done();
    return requirement;
  }

  private static Tag tag(Node node) {
    Tag tag = OASFactory.createTag();
    node.string("name").ifPresent(tag::setName);
    node.string("description").ifPresent(tag::setDescription);
    node.finish(tag::addExtension);
    return tag;
  }
}
