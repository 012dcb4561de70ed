// Shared by the projects' verify.groovy scripts: evaluates to a closure that asserts the generated project's unit
// test (AppTest, surefire) and integration test (AppIT, failsafe) ran, each with tests and none failed or skipped.
return { File project, String pkg ->
    def reports = [new File(project, "target/surefire-reports/TEST-" + pkg + ".AppTest.xml"),
                   new File(project, "target/failsafe-reports/TEST-" + pkg + ".AppIT.xml")]
    for (report in reports) {
        assert report.isFile() : "test did not run: " + report
        def suite = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report)
                .documentElement
        def count = { String name -> Integer.parseInt(suite.getAttribute(name)) }
        assert count("tests") > 0 && count("failures") == 0 && count("errors") == 0 && count("skipped") == 0 :
                report.name + ": tests=" + count("tests") + " failures=" + count("failures") + " errors=" +
                count("errors") + " skipped=" + count("skipped")
    }
}
