// Test fixtures only: the module path reproduces libmachine's package paths so that gob registers
// the plugin protocol's types under the names docker-machine's plugins use ("*mcnflag.IntFlag").
module github.com/docker/machine

go 1.19
