// The test plugin binary, serving sshtest the way libmachine's plugin.RegisterDriver serves a
// driver. SSHTEST_MODE makes it misbehave for tests: "silent" never prints its address, "v0"
// answers only to the pre-0.5.1 service name, "version2" claims API version 2.
package main

import (
	"fmt"
	"net"
	"net/http"
	"net/rpc"
	"os"
	"strconv"
	"time"

	rpcdriver "github.com/docker/machine/libmachine/drivers/rpc"
	"github.com/docker/machine/sshtest"
)

func main() {
	if os.Getenv("MACHINE_PLUGIN_TOKEN") != "42" {
		fmt.Fprintln(os.Stderr, "This is a Docker Machine plugin binary.\nPlugin binaries are not intended to be invoked directly.\nPlease use this plugin through the main 'docker-machine' binary.\n(API version: 1)")
		os.Exit(1)
	}
	if pidFile := os.Getenv("SSHTEST_PIDFILE"); pidFile != "" {
		f, err := os.OpenFile(pidFile, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0600)
		if err == nil {
			fmt.Fprintln(f, strconv.Itoa(os.Getpid()))
			f.Close()
		}
	}
	fmt.Fprintln(os.Stderr, "driver "+os.Getenv("MACHINE_PLUGIN_DRIVER_NAME")+" starting")
	mode := os.Getenv("SSHTEST_MODE")
	if mode == "silent" {
		time.Sleep(time.Minute)
		os.Exit(1)
	}
	if mode == "version2" {
		rpcdriver.APIVersion = 2
	}
	server := rpcdriver.NewRPCServerDriver(&sshtest.Driver{})
	name := "RPCServerDriver"
	if mode == "v0" {
		name = "RpcServerDriver"
	}
	if err := rpc.RegisterName(name, server); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	rpc.HandleHTTP()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(listener.Addr())
	go http.Serve(listener, nil)
	for {
		select {
		case <-server.CloseCh:
			os.Exit(0)
		case <-server.HeartbeatCh:
		case <-time.After(10 * time.Second):
			os.Exit(1)
		}
	}
}
