package org.parley.plugin.builtin.jenkins;

/** Where Jenkins is and who Parley is there (the API token is a credential, never logged). */
public record JenkinsServer(String url, String user, String apiToken) {

  @Override
  public String toString() {
    return "JenkinsServer[" + url + ", " + user + "]";
  }
}
