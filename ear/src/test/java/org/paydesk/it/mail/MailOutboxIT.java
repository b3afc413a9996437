package org.paydesk.it.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.paydesk.it.support.Api;
import org.paydesk.it.support.Deployments;
import org.paydesk.it.support.Fixtures;
import org.paydesk.it.support.TestMail;

/** The outbox: a mail sent while SMTP is down is not lost, and arrives once when SMTP is back. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailOutboxIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @ArquillianResource
    URL deployment;

    @AfterEach
    void smtpIsBack() {
        TestMail.start();
    }

    @Test
    void a_request_mailed_while_smtp_is_down_arrives_exactly_once_when_it_is_back() throws Exception {
        long customer = new Fixtures(deployment).customer();
        String address = TestMail.uniqueAddress("ap");
        TestMail.stop();

        Api.Reply sent = Api.as(deployment, "CASHIER").post("/api/v1/customers/" + customer
                + "/payment-method-requests", "{\"email\": \"" + address + "\"}", Fixtures.key());
        assertEquals(201, sent.status(), sent::toString);
        Thread.sleep(3_000);
        assertEquals(0, TestMail.messagesTo(address).size(), "nothing can arrive while SMTP is down");

        TestMail.start();
        MimeMessage mail = TestMail.awaitMessageTo(address, Duration.ofSeconds(40));
        Thread.sleep(3_000);

        assertEquals(1, TestMail.messagesTo(address).size(), "delivered once, not once per attempt");
        String link = TestMail.linkIn(mail);
        assertTrue(link.startsWith("http://127.0.0.1:8080/pay/methods/"), link);
        assertTrue(TestMail.htmlOf(mail).contains(link), "the HTML part carries the same link");
        assertEquals(200, Api.anonymous(deployment).get(link.substring(link.indexOf("/pay/"))).status(),
                "the delayed link still works");
    }

    @Test
    void the_request_mail_has_a_text_and_an_html_part_naming_who_asked() throws Exception {
        long customer = new Fixtures(deployment).customer();
        String address = TestMail.uniqueAddress("billing");

        Api.as(deployment, "SALES").post("/api/v1/customers/" + customer + "/payment-method-requests",
                "{\"email\": \"" + address + "\"}", Fixtures.key());
        MimeMessage mail = TestMail.awaitMessageTo(address, Duration.ofSeconds(20));

        assertTrue(mail.getSubject() != null && !mail.getSubject().isBlank());
        String text = TestMail.textOf(mail);
        assertTrue(text.contains("it-sales"), "the mail says who asked: " + text);
        assertTrue(text.contains("Acme Hardware"), "and for which customer");
        assertTrue(text.toLowerCase().contains("4 hours") || text.toLowerCase().contains("four hours"), text);
        assertTrue(TestMail.htmlOf(mail).contains("<a "), "the HTML part has a button link");
    }
}
