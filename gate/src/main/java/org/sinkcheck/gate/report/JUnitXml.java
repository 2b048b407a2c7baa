package org.sinkcheck.gate.report;

import org.sinkcheck.kit.run.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.sinkcheck.rules.Rule;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The report as JUnit XML (the Surefire/Ant schema every CI system reads): one {@code <testsuite>}, one
 * {@code <testcase>} per rule named by its id, a {@code <failure>} carrying the counterexample for a violated
 * (untested, or not promised) rule, {@code <skipped>} with the reason for a rule that does not apply, is waived
 * (with who waived it, also a property of the suite) or is left to the stress tier, and one more test case per step
 * that failed without naming a rule. A passing rule's {@code <system-out>} starts with its label, PASS or PASS+,
 * and the suite's {@code summary} property counts them apart, as the console's summary line does.
 */
public final class JUnitXml {
    private JUnitXml() {}

    public static void write(GateReport report, Path file) throws IOException {
        Document doc = newDocument();
        Element suite = doc.createElement("testsuite");
        doc.appendChild(suite);
        String className = "sinkcheck." + report.sinkName().replaceAll("[^A-Za-z0-9_.-]+", "_");
        suite.setAttribute("name", "sinkcheck check: " + report.sinkName());
        int failures = 0;
        int skipped = 0;
        int tests = 0;

        Element properties = doc.createElement("properties");
        suite.appendChild(properties);
        property(doc, properties, "adapter", report.adapterClass());
        property(doc, properties, "reproduce", report.reproduce());
        property(doc, properties, "summary", ConsoleTable.summaryLine(report));
        report.waivers().rules().forEach((rule, who) -> property(doc, properties, "waived " + rule.id(), who));

        for (Rule rule : Rule.values()) {
            tests++;
            Element testcase = testcase(doc, suite, className, rule.id() + " " + rule.summary());
            Verdict verdict = report.verdict(rule);
            if (verdict.failsRequiredRule()) {
                failures++;
                Element failure = doc.createElement("failure");
                failure.setAttribute("type", rule.id());
                failure.setAttribute("message", rule.id() + " " + Verdicts.failure(verdict) + ": " + rule.summary());
                failure.setTextContent(report.evidence(rule) + "\nreproduce: " + report.reproduce());
                testcase.appendChild(failure);
            } else if (verdict != Verdict.PASS) {
                skipped++;
                Element skip = doc.createElement("skipped");
                skip.setAttribute("message", verdict.label() + ": " + report.evidence(rule));
                testcase.appendChild(skip);
            } else {
                Element out = doc.createElement("system-out");
                out.setTextContent(report.label(rule) + ": " + report.evidence(rule));
                testcase.appendChild(out);
            }
        }
        for (StepRecord step : report.steps()) {
            if (step.passed()) continue;
            tests++;
            failures++;
            Element testcase = testcase(doc, suite, className, "step: " + step.name());
            testcase.setAttribute("time", seconds(step.seconds()));
            Element failure = doc.createElement("failure");
            failure.setAttribute("message", step.outcome());
            failure.setTextContent(step.outcome() + "\nreproduce: " + report.reproduce());
            testcase.appendChild(failure);
        }
        suite.setAttribute("tests", Integer.toString(tests));
        suite.setAttribute("failures", Integer.toString(failures));
        suite.setAttribute("errors", "0");
        suite.setAttribute("skipped", Integer.toString(skipped));
        suite.setAttribute("time", seconds(report.steps().stream().mapToDouble(StepRecord::seconds).sum()));
        save(doc, file);
    }

    private static Element testcase(Document doc, Element suite, String className, String name) {
        Element testcase = doc.createElement("testcase");
        testcase.setAttribute("classname", className);
        testcase.setAttribute("name", name);
        testcase.setAttribute("time", "0");
        suite.appendChild(testcase);
        return testcase;
    }

    private static void property(Document doc, Element properties, String name, String value) {
        Element property = doc.createElement("property");
        property.setAttribute("name", name);
        property.setAttribute("value", value);
        properties.appendChild(property);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not configured", e);
        }
    }

    private static void save(Document doc, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
