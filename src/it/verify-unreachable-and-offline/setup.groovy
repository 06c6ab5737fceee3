// nothing may listen on port 1, or this IT proves nothing
try {
    new Socket('localhost', 1).close()
    assert false : 'something listens on localhost:1'
} catch (ConnectException expected) {
}
true
