// Package sshtest is a test plugin driver in the manner of docker-machine's generic driver: the
// machine is an existing host reached over SSH at the address, user and key given as flags.
package sshtest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	rpcdriver "github.com/docker/machine/libmachine/drivers/rpc"
	"github.com/docker/machine/libmachine/mcnflag"
	"github.com/docker/machine/libmachine/state"
)

type Driver struct {
	IPAddress      string
	MachineName    string
	SSHUser        string
	SSHPort        int
	SSHKeyPath     string
	StorePath      string
	SwarmMaster    bool
	SwarmHost      string
	SwarmDiscovery string
	EnginePort     int
	SSHKey         string
	Tags           []string
	Verbose        bool
}

func (d *Driver) DriverName() string { return "sshtest" }

func (d *Driver) GetCreateFlags() []mcnflag.Flag {
	return []mcnflag.Flag{
		mcnflag.StringFlag{Name: "sshtest-ip-address", Usage: "IP Address of the machine", EnvVar: "SSHTEST_IP_ADDRESS"},
		mcnflag.StringFlag{Name: "sshtest-ssh-user", Usage: "SSH user", EnvVar: "SSHTEST_SSH_USER", Value: "root"},
		mcnflag.StringFlag{Name: "sshtest-ssh-key", Usage: "SSH private key path", EnvVar: "SSHTEST_SSH_KEY"},
		mcnflag.IntFlag{Name: "sshtest-ssh-port", Usage: "SSH port", EnvVar: "SSHTEST_SSH_PORT", Value: 22},
		mcnflag.IntFlag{Name: "sshtest-engine-port", Usage: "Docker engine port", EnvVar: "SSHTEST_ENGINE_PORT", Value: 2376},
		mcnflag.StringSliceFlag{Name: "sshtest-tag", Usage: "A tag for the machine", Value: []string{"test"}},
		mcnflag.BoolFlag{Name: "sshtest-verbose", Usage: "Print each step", EnvVar: "SSHTEST_VERBOSE"},
	}
}

func (d *Driver) SetConfigFromFlags(opts rpcdriver.DriverOptions) error {
	d.IPAddress = opts.String("sshtest-ip-address")
	d.SSHUser = opts.String("sshtest-ssh-user")
	d.SSHKey = opts.String("sshtest-ssh-key")
	d.SSHPort = opts.Int("sshtest-ssh-port")
	d.EnginePort = opts.Int("sshtest-engine-port")
	d.Tags = opts.StringSlice("sshtest-tag")
	d.Verbose = opts.Bool("sshtest-verbose")
	d.SwarmMaster = opts.Bool("swarm-master")
	d.SwarmHost = opts.String("swarm-host")
	d.SwarmDiscovery = opts.String("swarm-discovery")
	if d.IPAddress == "" {
		return errors.New("sshtest driver requires the --sshtest-ip-address option")
	}
	return nil
}

func (d *Driver) GetMachineName() string { return d.MachineName }

func (d *Driver) GetIP() (string, error) {
	if d.IPAddress == "" {
		return "", errors.New("IP address is not set")
	}
	return d.IPAddress, nil
}

func (d *Driver) GetSSHHostname() (string, error) { return d.GetIP() }

func (d *Driver) GetSSHKeyPath() string {
	if d.SSHKeyPath == "" {
		return filepath.Join(d.StorePath, "machines", d.MachineName, "id_rsa")
	}
	return d.SSHKeyPath
}

func (d *Driver) GetSSHPort() (int, error) {
	if d.SSHPort == 0 {
		return 22, nil
	}
	return d.SSHPort, nil
}

func (d *Driver) GetSSHUsername() string {
	if d.SSHUser == "" {
		return "root"
	}
	return d.SSHUser
}

func (d *Driver) GetURL() (string, error) {
	if s, _ := d.GetState(); s != state.Running {
		return "", errors.New("Host is not running")
	}
	return "tcp://" + net.JoinHostPort(d.IPAddress, strconv.Itoa(d.EnginePort)), nil
}

func (d *Driver) GetState() (state.State, error) {
	port, _ := d.GetSSHPort()
	conn, err := net.DialTimeout("tcp", net.JoinHostPort(d.IPAddress, strconv.Itoa(port)), 2*time.Second)
	if err != nil {
		return state.Stopped, nil
	}
	conn.Close()
	return state.Running, nil
}

func (d *Driver) PreCreateCheck() error {
	if d.SSHKey != "" {
		if _, err := os.Stat(d.SSHKey); err != nil {
			return fmt.Errorf("SSH key does not exist: %q", d.SSHKey)
		}
	}
	return nil
}

// Create copies the key into the machine folder, as the generic driver does; its stdout lines are
// what docker-machine shows prefixed with the machine name.
func (d *Driver) Create() error {
	if strings.Contains(d.MachineName, "panic") {
		panic("the machine name asked for it")
	}
	if strings.Contains(d.MachineName, "slow") {
		time.Sleep(2 * time.Second)
	}
	fmt.Println("Importing SSH key...")
	if d.Verbose {
		fmt.Fprintln(os.Stderr, "copying "+d.SSHKey)
	}
	if d.SSHKey == "" {
		return nil
	}
	d.SSHKeyPath = filepath.Join(d.StorePath, "machines", d.MachineName, "id_rsa")
	for _, suffix := range []string{"", ".pub"} {
		data, err := os.ReadFile(d.SSHKey + suffix)
		if err != nil {
			return err
		}
		if err := os.WriteFile(d.SSHKeyPath+suffix, data, 0600); err != nil {
			return err
		}
	}
	return nil
}

func (d *Driver) Remove() error  { return nil }
func (d *Driver) Start() error   { return errors.New("sshtest driver does not support start") }
func (d *Driver) Stop() error    { return errors.New("sshtest driver does not support stop") }
func (d *Driver) Restart() error { return errors.New("sshtest driver does not support restart") }
func (d *Driver) Kill() error    { return errors.New("sshtest driver does not support kill") }
