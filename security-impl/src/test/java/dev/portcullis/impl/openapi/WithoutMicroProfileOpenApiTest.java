package dev.portcullis.impl.openapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.portcullis.impl.config.MapConfig;
import dev.portcullis.impl.config.SecurityConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/**
 * Servers with MicroProfile Config but without MicroProfile OpenAPI (Open Liberty with only
 * mpConfig, WildFly's standalone.xml): the parts that run there anyway — the config source every
 * application loads and the start-up check — must not need OpenAPI's classes.
 */
class WithoutMicroProfileOpenApiTest {

  /** Loads this package itself and hides MicroProfile OpenAPI; everything else from the tests. */
  static final class NoOpenApi extends ClassLoader {
    NoOpenApi() {
      super(WithoutMicroProfileOpenApiTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("org.eclipse.microprofile.openapi.")) {
        throw new ClassNotFoundException(name);
      }
      if (!name.startsWith("dev.portcullis.impl.openapi.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : define(name);
      }
    }

    private Class<?> define(String name) throws ClassNotFoundException {
      try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }

  @Test
  void configSourceWhenNoOpenApiThenStillNamesTheReader() throws Exception {
    ConfigSource source =
        (ConfigSource)
            new NoOpenApi()
                .loadClass(OpenApiConfigSource.class.getName())
                .getDeclaredConstructor()
                .newInstance();

    assertThat(source.getValue("mp.openapi.model.reader"))
        .isEqualTo(PortcullisModelReader.class.getName());
  }

  @Test
  void startupCheckWhenNoOpenApiThenNoWarningAndNoFailure() throws Exception {
    NoOpenApi loader = new NoOpenApi();
    Method check =
        loader
            .loadClass(OpenApiStartup.class.getName())
            .getDeclaredMethod("foreignReader", SecurityConfiguration.class, ClassLoader.class);
    check.setAccessible(true);
    var config =
        new SecurityConfiguration(
            MapConfig.valid(Map.of("mp.openapi.model.reader", OpenApiConfigSource.READER)));

    assertThat(check.invoke(null, config, loader)).isEqualTo(Optional.empty());
  }

  @Test
  void engineWhenImportedThenOnlyTheOpenApiPackageKnowsMicroProfileOpenApi() {
    JavaClasses engine =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.portcullis.impl");

    noClasses()
        .that()
        .resideOutsideOfPackage("dev.portcullis.impl.openapi")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.microprofile.openapi..")
        .check(engine);
    noClasses()
        .that()
        .haveSimpleName("OpenApiConfigSource")
        .or()
        .haveSimpleName("OpenApiStartup")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.microprofile.openapi..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("PortcullisModelReader")
        .check(engine);
  }

  @Test
  void readerWhenNoOpenApiThenCannotLoadWhichIsWhyOthersNameItOnlyByName() {
    assertThatThrownBy(() -> new NoOpenApi().loadClass(PortcullisModelReader.class.getName()))
        .isInstanceOf(NoClassDefFoundError.class);
  }
}
