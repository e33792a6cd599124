package dev.portcullis.web.layout;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link PageExceptionHandler} around the handler Faces would use. */
public class PageExceptionHandlerFactory extends ExceptionHandlerFactory {

  /** Wraps the factory Faces would use. */
  public PageExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new PageExceptionHandler(getWrapped().getExceptionHandler());
  }
}
