// Package rpcdriver serves a driver over net/rpc the way libmachine's plugin server does: same
// service and method names, same gob registrations.
package rpcdriver

import (
	"encoding/gob"
	"encoding/json"
	"fmt"

	"github.com/docker/machine/libmachine/mcnflag"
	"github.com/docker/machine/libmachine/state"
)

// APIVersion is what GetVersion answers; tests change it to check the client's refusal.
var APIVersion = 1

func init() {
	gob.Register(new(RPCFlags))
	gob.Register(new(mcnflag.IntFlag))
	gob.Register(new(mcnflag.StringFlag))
	gob.Register(new(mcnflag.StringSliceFlag))
	gob.Register(new(mcnflag.BoolFlag))
}

// DriverOptions is what SetConfigFromFlags hands the driver.
type DriverOptions interface {
	String(key string) string
	StringSlice(key string) []string
	Int(key string) int
	Bool(key string) bool
}

// Driver is the part of libmachine's driver interface the test plugin implements.
type Driver interface {
	DriverName() string
	GetCreateFlags() []mcnflag.Flag
	SetConfigFromFlags(opts DriverOptions) error
	GetMachineName() string
	GetIP() (string, error)
	GetSSHHostname() (string, error)
	GetSSHKeyPath() string
	GetSSHPort() (int, error)
	GetSSHUsername() string
	GetURL() (string, error)
	GetState() (state.State, error)
	PreCreateCheck() error
	Create() error
	Remove() error
	Start() error
	Stop() error
	Restart() error
	Kill() error
}

type RPCFlags struct {
	Values map[string]interface{}
}

func (r RPCFlags) String(key string) string {
	v, _ := r.Values[key].(string)
	return v
}

func (r RPCFlags) StringSlice(key string) []string {
	v, _ := r.Values[key].([]string)
	return v
}

func (r RPCFlags) Int(key string) int {
	v, _ := r.Values[key].(int)
	return v
}

func (r RPCFlags) Bool(key string) bool {
	v, _ := r.Values[key].(bool)
	return v
}

type RPCServerDriver struct {
	ActualDriver Driver
	CloseCh      chan bool
	HeartbeatCh  chan bool
}

func NewRPCServerDriver(d Driver) *RPCServerDriver {
	return &RPCServerDriver{ActualDriver: d, CloseCh: make(chan bool), HeartbeatCh: make(chan bool)}
}

func (r *RPCServerDriver) Close(_, _ *struct{}) error {
	r.CloseCh <- true
	return nil
}

func (r *RPCServerDriver) GetVersion(_ *struct{}, reply *int) error {
	*reply = APIVersion
	return nil
}

func (r *RPCServerDriver) GetConfigRaw(_ *struct{}, reply *[]byte) error {
	data, err := json.Marshal(r.ActualDriver)
	*reply = data
	return err
}

func (r *RPCServerDriver) GetCreateFlags(_ *struct{}, reply *[]mcnflag.Flag) error {
	*reply = r.ActualDriver.GetCreateFlags()
	return nil
}

func (r *RPCServerDriver) SetConfigRaw(data []byte, _ *struct{}) error {
	return json.Unmarshal(data, &r.ActualDriver)
}

func (r *RPCServerDriver) Create(_, _ *struct{}) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("Panic in the driver: %s", p)
		}
	}()
	return r.ActualDriver.Create()
}

func (r *RPCServerDriver) DriverName(_ *struct{}, reply *string) error {
	*reply = r.ActualDriver.DriverName()
	return nil
}

func (r *RPCServerDriver) GetIP(_ *struct{}, reply *string) (err error) {
	*reply, err = r.ActualDriver.GetIP()
	return
}

func (r *RPCServerDriver) GetMachineName(_ *struct{}, reply *string) error {
	*reply = r.ActualDriver.GetMachineName()
	return nil
}

func (r *RPCServerDriver) GetSSHHostname(_ *struct{}, reply *string) (err error) {
	*reply, err = r.ActualDriver.GetSSHHostname()
	return
}

func (r *RPCServerDriver) GetSSHKeyPath(_ *struct{}, reply *string) error {
	*reply = r.ActualDriver.GetSSHKeyPath()
	return nil
}

func (r *RPCServerDriver) GetSSHPort(_ *struct{}, reply *int) (err error) {
	*reply, err = r.ActualDriver.GetSSHPort()
	return
}

func (r *RPCServerDriver) GetSSHUsername(_ *struct{}, reply *string) error {
	*reply = r.ActualDriver.GetSSHUsername()
	return nil
}

func (r *RPCServerDriver) GetURL(_ *struct{}, reply *string) (err error) {
	*reply, err = r.ActualDriver.GetURL()
	return
}

func (r *RPCServerDriver) GetState(_ *struct{}, reply *state.State) (err error) {
	*reply, err = r.ActualDriver.GetState()
	return
}

func (r *RPCServerDriver) Kill(_, _ *struct{}) error { return r.ActualDriver.Kill() }
func (r *RPCServerDriver) PreCreateCheck(_, _ *struct{}) error {
	return r.ActualDriver.PreCreateCheck()
}
func (r *RPCServerDriver) Remove(_, _ *struct{}) error  { return r.ActualDriver.Remove() }
func (r *RPCServerDriver) Restart(_, _ *struct{}) error { return r.ActualDriver.Restart() }
func (r *RPCServerDriver) Start(_, _ *struct{}) error   { return r.ActualDriver.Start() }
func (r *RPCServerDriver) Stop(_, _ *struct{}) error    { return r.ActualDriver.Stop() }

func (r *RPCServerDriver) SetConfigFromFlags(flags *DriverOptions, _ *struct{}) error {
	return r.ActualDriver.SetConfigFromFlags(*flags)
}

func (r *RPCServerDriver) Heartbeat(_, _ *struct{}) error {
	r.HeartbeatCh <- true
	return nil
}
