package org.parley.interfaces.admin.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.parley.application.InvalidInputException;
import org.parley.interfaces.admin.facade.AdminConsoleFacade;
import org.parley.interfaces.admin.facade.dto.ConversationFilterDto;
import org.parley.interfaces.admin.facade.dto.ConversationPageDto;

/**
 * The conversations list. Filters and the page position are query parameters (a GET form), so a
 * filtered page can be bookmarked and shared; a filter that does not parse is answered 400 with the
 * reason on the page.
 */
@Named("conversations")
@RequestScoped
public class ConversationsBean {

  static final int PAGE_SIZE = 25;

  @Inject AdminConsoleFacade console;

  private String channel;
  private String customer;
  private String language;
  private String consent;
  private String from;
  private String to;
  private String text;
  private String cursor;
  private boolean newer;
  private ConversationPageDto page = new ConversationPageDto(List.of(), null, null);

  public void load() {
    try {
      page =
          console.conversations(
              new ConversationFilterDto(channel, customer, language, consent, from, to, text),
              cursor,
              newer,
              PAGE_SIZE);
    } catch (InvalidInputException e) {
      Pages.error(400, e.getMessage() + " (" + e.field() + ")");
    }
  }

  /** Whether the text filter can be used (not while dialog text is encrypted at rest). */
  public boolean isTextSearchable() {
    return console.textSearchable();
  }

  public ConversationPageDto getPage() {
    return page;
  }

  public List<String> getChannels() {
    return ConversationFilterDto.CHANNELS;
  }

  /** The link to the next older page, with the same filters; null on the last page. */
  public String getOlderHref() {
    return page.olderCursor() == null ? null : href(page.olderCursor(), false);
  }

  /** The link to the next newer page; null on the first page. */
  public String getNewerHref() {
    return page.newerCursor() == null ? null : href(page.newerCursor(), true);
  }

  private String href(String position, boolean towardsNewer) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("channel", channel);
    query.put("customer", customer);
    query.put("language", language);
    query.put("consent", consent);
    query.put("from", from);
    query.put("to", to);
    query.put("text", text);
    query.put("cursor", position);
    if (towardsNewer) {
      query.put("newer", "true");
    }
    return "conversations.xhtml?"
        + query.entrySet().stream()
            .filter(e -> e.getValue() != null && !e.getValue().isBlank())
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getCustomer() {
    return customer;
  }

  public void setCustomer(String customer) {
    this.customer = customer;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getConsent() {
    return consent;
  }

  public void setConsent(String consent) {
    this.consent = consent;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getCursor() {
    return cursor;
  }

  public void setCursor(String cursor) {
    this.cursor = cursor;
  }

  public boolean isNewer() {
    return newer;
  }

  public void setNewer(boolean newer) {
    this.newer = newer;
  }
}
