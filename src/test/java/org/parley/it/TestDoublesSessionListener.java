package org.parley.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Writes the test server's encryption keys ({@link TestKeys}) and starts the test document store
 * before any test class (and so before Arquillian boots WildFly), and stops it after the last. Only
 * where failsafe configured a store port: unit tests start nothing.
 */
public class TestDoublesSessionListener implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (TestEnvironment.isIntegrationTest()) {
      TestKeys.write();
      TestDocumentStore.start();
      try {
        FakeJenkins.start(TestEnvironment.jenkinsPort());
        FakeRemotePlugin.start(TestEnvironment.remotePluginPort());
        FakeNluServices.start(TestEnvironment.nluPort());
        FakePlatforms.start(TestEnvironment.platformsPort());
      } catch (IOException e) {
        throw new UncheckedIOException("A fake third-party server cannot start", e);
      }
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (TestEnvironment.isIntegrationTest()) {
      FakeJenkins.stop();
      FakeRemotePlugin.stop();
      FakeNluServices.stop();
      FakePlatforms.stop();
      TestDocumentStore.stop();
    }
  }
}
