package dev.portcullis.impl.mail;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Compiles the mail templates (a broken override fails the deployment) and starts the outbox sweep
 * when the web application starts; stops it when the application stops. A servlet listener, not a
 * CDI {@code @Initialized} observer: on Payara that fires before the application's data source is
 * bound.
 */
@WebListener
public class MailStartup implements ServletContextListener {

  @Inject MustacheTemplates templates;
  @Inject MailWorker worker;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    templates.compileAll();
    worker.start();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    worker.stop();
  }
}
