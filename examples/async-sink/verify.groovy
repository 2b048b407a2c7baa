// Runs after both builds. The second (broken) build's Surefire report is the one left in target/.
def report = new File(basedir, 'target/surefire-reports/TEST-org.example.async.AsyncSinkVerificationTest.xml')
assert report.exists() : "no Surefire report for AsyncSinkVerificationTest"
def xml = report.text
assert xml =~ /<failure[^>]*message="SC-16 MUST violated/ : "the sink that skips the running request must fail SC-16, naming the rule"
assert xml.contains('SC16_CancelInCallbackTakesEffect') : "the failure must name the TLA+ operator SC16_CancelInCallbackTakesEffect"
assert xml.contains('the listener cancels its sink') : "the counterexample must end in a cancel from inside a callback"
def log = new File(basedir, 'build.log').text
assert log.contains('Required rules: HOLD') : "the asynchronous sink itself must hold every required rule"
evaluate(new File(examplesDir, 'test-path.groovy'))
println 'async-sink example: the sink calling back on its own executor holds every required rule; the one whose cancel skips the running request fails SC-16'
return true
