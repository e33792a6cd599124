package dev.portcullis.web.layout;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;

/**
 * {@code pc:radio}: one radio button of a choice, {@code <input type="radio" name="N" id="N-V"
 * value="V">}, with {@code checked} and {@code autofocus} written only when true.
 *
 * <p>Why a component rather than plain markup with {@code checked="#{... ? 'checked' : null}"}:
 * Mojarra (Payara, WildFly) leaves out a markup attribute whose expression is null, MyFaces (Open
 * Liberty) writes it empty, and an empty {@code checked} still checks: every radio of the group
 * came out checked there (the browser showed the last one) and every {@code autofocus} focused. Not
 * {@code h:selectOneRadio}: it renders a table, or with {@code group} its own names and ids, while
 * the pages post Flask-Security's field names ({@code setup}, {@code which}, ...). The page's bean
 * reads the chosen value from the request parameter {@code name}; this component decodes nothing.
 */
@FacesComponent(RadioButton.COMPONENT_TYPE)
public class RadioButton extends UIComponentBase {

  /** The type {@code portcullis.taglib.xml} names for {@code pc:radio}. */
  public static final String COMPONENT_TYPE = "dev.portcullis.RadioButton";

  @Override
  public String getFamily() {
    return "dev.portcullis";
  }

  @Override
  public void encodeBegin(FacesContext context) throws IOException {
    write(
        context.getResponseWriter(),
        text("name"),
        text("value"),
        flag("checked"),
        flag("autofocus"));
  }

  private void write(
      ResponseWriter out, String name, String value, boolean checked, boolean autofocus)
      throws IOException {
    out.startElement("input", this);
    out.writeAttribute("type", "radio", null);
    out.writeAttribute("name", name, null);
    out.writeAttribute("id", name + "-" + value, null);
    out.writeAttribute("value", value, null);
    if (checked) {
      out.writeAttribute("checked", "checked", null);
    }
    if (autofocus) {
      out.writeAttribute("autofocus", "autofocus", null);
    }
    out.endElement("input");
  }

  /** A required text attribute (evaluated now: inside {@code ui:repeat}, per row). */
  private String text(String attribute) {
    Object value = getAttributes().get(attribute);
    if (value == null || value.toString().isEmpty()) {
      throw new IllegalStateException("pc:radio needs the attribute " + attribute);
    }
    return value.toString();
  }

  /** A boolean attribute: true only for {@code true} or {@code "true"}; absent or null is false. */
  private boolean flag(String attribute) {
    Object value = getAttributes().get(attribute);
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }
}
