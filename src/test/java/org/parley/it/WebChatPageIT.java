package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web chat page in a real browser: a person says hello and reads the bot's answer. */
@ExtendWith(ArquillianExtension.class)
class WebChatPageIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Test
  void aPersonChatsWithTheBotAndTheConversationSurvivesAReload() throws Exception {
    WebDriver browser = Browser.openOrSkip();
    try {
      browser.get(TestEnvironment.http("/").toString());
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.until(
          b ->
              ((JavascriptExecutor) b)
                      .executeScript("return localStorage.getItem('parley.session')")
                  != null);

      WebElement input = browser.findElement(By.id("text"));
      input.sendKeys("hello", Keys.ENTER);
      wait.until(b -> !b.findElements(By.cssSelector("#log li.bot")).isEmpty());
      List<WebElement> user = browser.findElements(By.cssSelector("#log li.user"));
      List<WebElement> bot = browser.findElements(By.cssSelector("#log li.bot"));
      assertEquals(List.of("hello"), user.stream().map(WebElement::getText).toList());
      assertEquals(1, bot.size());
      assertFalse(bot.get(0).getText().isBlank());
      assertEquals("", browser.findElement(By.id("status")).getText(), "no error shown");
      Browser.screenshot(browser, "webchat");

      input = browser.findElement(By.id("text"));
      input.sendKeys("tell me a quote", Keys.ENTER);
      wait.until(b -> b.findElements(By.cssSelector("#log li.bot")).size() == 2);

      browser.navigate().refresh();
      wait.until(b -> b.findElements(By.cssSelector("#log li.bot")).size() == 2);
      Browser.screenshot(browser, "webchat-after-reload");
      assertEquals(
          2,
          browser.findElements(By.cssSelector("#log li.bot")).size(),
          "the replies are shown again, once each");
    } finally {
      browser.quit();
    }
  }
}
