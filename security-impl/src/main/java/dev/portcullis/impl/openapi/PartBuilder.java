package dev.portcullis.impl.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Turns the parts of an exchange — parameters, request bodies, responses, headers and their content
 * — into the MicroProfile OpenAPI model. Each accepts a {@code $ref} alone or the object's OpenAPI
 * 3.0 fields; examples maps, links, encodings and parameter styles are not supported (the document
 * does not use them), so they fail ({@link Node#done()}).
 */
final class PartBuilder {

  private PartBuilder() {}

  static Parameter parameter(Node node) {
    Parameter parameter = OASFactory.createParameter();
    if (node.reference(parameter::setRef)) {
      return parameter;
    }
    node.string("name").ifPresent(parameter::setName);
    node.string("in")
        .map(in -> ModelBuilder.named(Parameter.In.class, in, node))
        .ifPresent(parameter::setIn);
    node.string("description").ifPresent(parameter::setDescription);
    node.bool("required").ifPresent(parameter::setRequired);
    node.bool("deprecated").ifPresent(parameter::setDeprecated);
    node.bool("allowEmptyValue").ifPresent(parameter::setAllowEmptyValue);
    node.object("schema").map(SchemaBuilder::schema).ifPresent(parameter::setSchema);
    node.plain("example").ifPresent(parameter::setExample);
    node.finish(parameter::addExtension);
    return parameter;
  }

  static RequestBody requestBody(Node node) {
    RequestBody body = OASFactory.createRequestBody();
    if (node.reference(body::setRef)) {
      return body;
    }
    node.string("description").ifPresent(body::setDescription);
    node.bool("required").ifPresent(body::setRequired);
    node.object("content").map(PartBuilder::content).ifPresent(body::setContent);
    node.finish(body::addExtension);
    return body;
  }

  /** The responses of an operation by status code (or {@code default}). */
  static APIResponses responses(Node node) {
    APIResponses responses = OASFactory.createAPIResponses();
    node.allMembers()
        .forEach(
            (status, response) -> {
              if (status.equals("default")) {
                responses.setDefaultValue(response(response));
              } else {
                responses.addAPIResponse(status, response(response));
              }
            });
    node.finish(responses::addExtension);
    return responses;
  }

  static APIResponse response(Node node) {
    APIResponse response = OASFactory.createAPIResponse();
    if (node.reference(response::setRef)) {
      return response;
    }
    node.string("description").ifPresent(response::setDescription);
    node.members("headers").forEach((name, header) -> response.addHeader(name, header(header)));
    node.object("content").map(PartBuilder::content).ifPresent(response::setContent);
    node.finish(response::addExtension);
    return response;
  }

  static Header header(Node node) {
    Header header = OASFactory.createHeader();
    if (node.reference(header::setRef)) {
      return header;
    }
    node.string("description").ifPresent(header::setDescription);
    node.bool("required").ifPresent(header::setRequired);
    node.bool("deprecated").ifPresent(header::setDeprecated);
    node.object("schema").map(SchemaBuilder::schema).ifPresent(header::setSchema);
    node.finish(header::addExtension);
    return header;
  }

  /** Media types by name; Content has no extensions in OpenAPI 3.0. */
  private static Content content(Node node) {
    Content content = OASFactory.createContent();
    node.allMembers().forEach((type, media) -> content.addMediaType(type, mediaType(media)));
    node.done();
    return content;
  }

  private static MediaType mediaType(Node node) {
    MediaType media = OASFactory.createMediaType();
    node.object("schema").map(SchemaBuilder::schema).ifPresent(media::setSchema);
    node.plain("example").ifPresent(media::setExample);
    node.finish(media::addExtension);
    return media;
  }
}
