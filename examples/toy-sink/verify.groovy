// Runs after both builds. The second (broken) build's Surefire report is the one left in target/.
def report = new File(basedir, 'target/surefire-reports/TEST-org.example.toy.ToySinkVerificationTest.xml')
assert report.exists() : "no Surefire report for ToySinkVerificationTest"
def xml = report.text
assert xml.contains('required_SC01_scopeAll') : "the broken toy's report has no SC-01 test"
assert xml =~ /<failure[^>]*message="SC-01 MUST violated/ : "the broken toy must fail SC-01, naming the rule"
assert xml.contains('SC01_ScopeAll') : "the failure must name the TLA+ operator SC01_ScopeAll"
def log = new File(basedir, 'build.log').text
assert log.contains('Required rules: HOLD') : "the toy sink itself must hold every required rule"
assert log.contains('waived: SC-11 by @Waive on org.example.toy.ToySinkVerificationTest') : "the kit's table must list SC-11 as waived, by the test class"
assert xml =~ /TestAbortedException: SC-11 \([^)]*\) WAIVED: waived by @Waive on org.example.toy.ToySinkVerificationTest/ : "SC-11's test must be skipped as WAIVED, naming the class"
evaluate(new File(examplesDir, 'test-path.groovy'))
println 'toy-sink example: the toy holds every required rule; the off-by-one toy fails SC-01 (SC01_ScopeAll)'
return true
