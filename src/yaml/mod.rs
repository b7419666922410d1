//! Reading YAML where the reader can see it: the configuration, front
//! matter and the catalogue all go through these, so a fault is placed at
//! its own line and column whichever file it is in. Below `config` in the
//! stages, since the configuration is YAML too.

pub mod guard;
pub mod positions;
