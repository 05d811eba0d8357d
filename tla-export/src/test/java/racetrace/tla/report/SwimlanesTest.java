package racetrace.tla.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import racetrace.engine.Execution;

class SwimlanesTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static int count(Document d, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET)).getLength();
    }

    @Test
    void oneLanePerThreadTheRacingStepsMarkedThePreemptionDashedTheFailureAtTheEnd() throws Exception {
        Execution<?> ex = ExplainerTest.lostIncrement(new ReadingCounterModel(false));
        Explanation why = Explainer.explain(ex);
        String svg = Swimlanes.render(ex, why, "NoLostIncrement violated in counter/racy");
        Document d = parse(svg);
        assertThat(count(d, "//*[local-name()='g'][@class='lane']")).isEqualTo(2);
        assertThat(count(d, "//*[local-name()='g'][starts-with(@class,'step')]")).isEqualTo(4);
        assertThat(count(d, "//*[local-name()='g'][@class='step racing']")).isEqualTo(3);
        assertThat(count(d, "//*[local-name()='g'][@class='preemption']")).isEqualTo(1);
        assertThat(count(d, "//*[local-name()='path'][@class='race-arrow']")).isEqualTo(2);
        assertThat(count(d, "//*[local-name()='g'][@class='failure']")).isEqualTo(1);
        assertThat(svg).contains("NoLostIncrement fails after step 4").doesNotContain("<script")
                .doesNotContain("href=\"http");
    }

    @Test
    void textIsEscaped() throws Exception {
        Execution<?> ex = ExplainerTest.lostIncrement(new ReadingCounterModel(false));
        String svg = Swimlanes.render(ex, Explainer.explain(ex), "a <title> & more");
        assertThat(svg).contains("a &lt;title&gt; &amp; more");
        parse(svg);
    }
}
